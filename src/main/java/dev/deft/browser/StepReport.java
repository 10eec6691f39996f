package dev.deft.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.Brief;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a step says it did: the look at the page after the action (which the loop then takes as its observation, and
 * the step's screenshot goes with), what changed since before it, and what a field holds now, read back.
 */
final class StepReport {
    private static final Logger LOG = LoggerFactory.getLogger(StepReport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the look after an action waits at most for the requests the action sent. */
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(5);

    private final CurrentPage page;
    private final PageScripts scripts;
    private final StepScreenshots screenshots;

    StepReport(CurrentPage page, PageScripts scripts, StepScreenshots screenshots) {
        this.page = page;
        this.scripts = scripts;
        this.screenshots = screenshots;
    }

    /**
     * Looks at the page a done action left, unless the action looked already. A page that cannot be looked at now (a
     * dialog is open) is looked at when the loop asks.
     */
    void lookAfter(WebDriver driver) {
        if (page.lookedAfterAction()) {
            return;
        }
        try {
            lookAfterAction(driver);
        } catch (WebDriverException e) {
            LOG.debug("Could not look at the page after the action: {}", Brief.firstLine(e.getMessage()));
            page.mayHaveChanged();
        }
    }

    /** What changed on the page since {@code before}, as a sentence ending the outcome's detail. */
    String changes(WebDriver driver, PageObservation before) {
        String change = PageChange.between(before, lookAfterAction(driver));
        return change.isEmpty() ? "." : "; " + change + ".";
    }

    /** Like {@link #changes}, after an action that stays in the element's frame (typing, choosing). */
    String sameFrameChanges(WebDriver driver, PageObservation before) {
        String change = changes(driver, before);
        return change.equals(".") ? "" : " Page: " + change.substring(2);
    }

    /** What an element holds now, quoted; a secret only by its length. */
    String readValue(WebDriver driver, WebElement element, boolean secret) {
        Map<?, ?> back = (Map<?, ?>) scripts.call(driver, "readBack", element);
        Object value = back.get("value");
        if (value == null) {
            return "\"" + PageObserver.string(back.get("text")) + "\"";
        }
        String shown = value.toString();
        if (secret) {
            return shown.length() + " characters (a secret, not shown)";
        }
        return "\"" + shown + "\"";
    }

    /** Whether a box or switch is checked now, read back from the element. */
    boolean isChecked(WebDriver driver, WebElement element) {
        Object states = ((Map<?, ?>) scripts.call(driver, "readBack", element)).get("states");
        return states instanceof List<?> list && list.contains("checked");
    }

    /**
     * What a field holds, read from the field itself now when the look after the action cannot tell: a secret (only
     * its length is told) or a field in a frame (the look leaves the frame); else empty, and {@link #held} tells.
     */
    Optional<String> readEarly(WebDriver driver, ReadyElement ready, boolean secret) {
        return secret || !ready.element().frame().isEmpty()
                ? Optional.of(readValue(driver, ready.live(), secret)) : Optional.empty();
    }

    /** What the field holds, as the look after the action saw it (the same reading as readBack), or as read early. */
    String held(WebDriver driver, ReadyElement ready, Optional<String> early) {
        if (early.isPresent()) {
            return early.get();
        }
        Optional<String> seen = page.last().filter(last -> last.token().equals(ready.before().token()))
                .flatMap(last -> last.element(ready.element().number())).flatMap(PageElement::value);
        if (seen.isPresent()) {
            return "\"" + seen.get() + "\"";
        }
        try {
            return readValue(driver, ready.live(), false);
        } catch (StaleElementReferenceException e) {
            return "what the page shows now (it replaced the field after the action)";
        }
    }

    /** A table's rows as a JSON array of arrays of cell texts. */
    static String tableJson(List<List<String>> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A table of strings could not be written as JSON", e);
        }
    }

    /**
     * The look after an action, once the requests it sent have come back; when the step will save a screenshot, the
     * page is left masked for it.
     */
    private PageObservation lookAfterAction(WebDriver driver) {
        boolean mask = screenshots.enabled();
        PageObservation after = page.lookAfterAction(driver, mask, SETTLE_AT_MOST);
        if (mask) {
            screenshots.maskedAlready(page.maskedFields());
        }
        return after;
    }
}
