package dev.deft.browser;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.Polling;
import dev.deft.core.Resolution;
import dev.deft.core.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Finds the one element a target means and waits until it can be acted on: attached, visible, enabled when it must
 * be, and still (the page library's actionability check, which also answers where a click lands). Then it asks the
 * step's guard about the action on exactly that element, which is the element acted on.
 */
final class ElementReadiness {
    private final PageScripts scripts;
    private final CurrentPage page;
    private final TargetResolver resolver;
    private final Polling polling;
    private final Duration actionTimeout;

    ElementReadiness(PageScripts scripts, CurrentPage page, TargetResolver resolver, Polling polling,
                     Duration actionTimeout) {
        this.scripts = scripts;
        this.page = page;
        this.resolver = resolver;
        this.polling = polling;
        this.actionTimeout = actionTimeout;
    }

    /**
     * Waits up to the action timeout until {@code target} means one ready element, re-grounding it if the page
     * replaced it meanwhile; then asks {@code guard} about {@code action} bound to that element.
     *
     * @throws ActGuard.NotAdmitted when the guard says no or not yet
     */
    ReadyElement ready(WebDriver driver, Action action, Target target, TargetResolver.Want want, boolean needEnabled,
                       ActGuard guard) {
        ReadyElement ready = ready(driver, target, want, needEnabled);
        guard.require(new Resolution(action.withTarget(ready.element().asTarget()), ready.before(),
                ready.disagreement()));
        return ready;
    }

    private ReadyElement ready(WebDriver driver, Target target, TargetResolver.Want want, boolean needEnabled) {
        String what = "the " + (want == TargetResolver.Want.FIELD ? "field" : "element") + " " + target
                + " to be there, visible" + (needEnabled ? ", enabled" : "") + " and still";
        // The page as last seen (usually the loop's observation, taken after the previous action) serves as long as
        // the page has not changed since: one walk of the page fewer per step. Once only; later tries look afresh.
        Optional<PageObservation> seen = page.last();
        boolean[] mayReuse = {seen.isPresent()};
        return polling.until(what, actionTimeout, () -> {
            if (mayReuse[0]) {
                mayReuse[0] = false;
                Polling.Probe<ReadyElement> probe = attempt(driver, seen.get(), page.generation(), target, want,
                        needEnabled);
                if (probe != null) {
                    return probe;
                }
            }
            return attempt(driver, page.look(driver), -1, target, want, needEnabled);
        });
    }

    /**
     * One try at grounding the target on {@code seen} and checking its element. With a {@code generation} (not -1),
     * the page must still be as {@code seen} saw it: null means it changed, or anything short of a ready element, and
     * the caller looks afresh rather than fail or wait on what it saw before.
     */
    private Polling.Probe<ReadyElement> attempt(WebDriver driver, PageObservation seen, int generation, Target target,
                                               TargetResolver.Want want, boolean needEnabled) {
        boolean reused = generation >= 0;
        Grounding answer = resolver.ground(driver, seen, target, want);
        if (answer instanceof Grounding.Ambiguous ambiguous) {
            if (reused) {
                return null;
            }
            throw new DeftException(ambiguous.message());
        }
        if (answer instanceof Grounding.Missing missing) {
            return reused ? null : Polling.Probe.notYet(missing.message());
        }
        Grounding.Found found = (Grounding.Found) answer;
        PageElement element = found.element();
        String foundBy = target.locators().size() > 1 && !found.by().equals(target.primary())
                ? " (found by " + found.by() + ")" : "";
        if (element.frame().isEmpty() && want != TargetResolver.Want.FILE) {
            // Finding the element, checking the page is unchanged and the actionability checks: one round trip.
            scripts.toTop(driver);
            List<?> prepared = (List<?>) scripts.callAsync(driver, "prepare", element.number(), seen.token(),
                    generation, needEnabled);
            String status = String.valueOf(prepared.get(0));
            if ("ok".equals(status)) {
                return Polling.Probe.ready(new ReadyElement(element, (WebElement) prepared.get(1), seen,
                        ReadyElement.ClickPoint.of(prepared), found.disagreement(), foundBy));
            }
            if (reused && (status.equals("changed") || status.equals("page-changed") || status.equals("gone"))) {
                return null;
            }
            return Polling.Probe.notYet(switch (status) {
                case "page-changed" -> "The page changed since " + element.describe() + " was seen; look at the page again.";
                case "gone" -> element.describe() + " is no longer on the page.";
                default -> element.describe() + " is " + status;
            });
        }
        if (reused) {
            return null; // in a frame, or a file field: grounded on a fresh look only
        }
        WebElement live;
        try {
            live = resolver.grab(driver, element, seen.token());
        } catch (DeftException.Retriable e) {
            return Polling.Probe.notYet(e.getMessage());
        }
        Object status = want == TargetResolver.Want.FILE ? "ok"
                : scripts.callAsync(driver, "actionable", live, needEnabled);
        if ("ok".equals(status)) {
            return Polling.Probe.ready(new ReadyElement(element, live, seen, Optional.empty(), found.disagreement(),
                    foundBy));
        }
        return Polling.Probe.notYet(element.describe() + " is " + status);
    }
}
