package dev.deft.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.WebDriver;

/**
 * The page as Deft last looked at it, and whether that look was taken after the last action finished: then the loop's
 * next observation is that look, and the page need not be walked again.
 */
final class CurrentPage {
    private final PageObserver observer;
    private PageObservation last;
    private boolean lookedAfterAction;
    private long actedAt = System.nanoTime();

    CurrentPage(PageObserver observer) {
        this.observer = observer;
    }

    /** Notes that input just reached the page (a click, a key, typing). */
    void acted() {
        actedAt = System.nanoTime();
    }

    /** How long ago input last reached the page: "wait 2 seconds" after a click counts from the click. */
    Duration sinceActed() {
        return Duration.ofNanos(System.nanoTime() - actedAt);
    }

    /** Walks the page now. */
    PageObservation look(WebDriver driver) {
        last = observer.observe(driver);
        return last;
    }

    /**
     * The look after an action, once the requests it sent have come back (up to {@code atMost}); with {@code mask},
     * the page is left masked for the step's screenshot.
     */
    PageObservation lookAfterAction(WebDriver driver, boolean mask, Duration atMost) {
        last = observer.observeSettled(driver, mask, atMost);
        lookedAfterAction = true;
        return last;
    }

    /** The page as last seen, if it was seen at all since the browser started. */
    Optional<PageObservation> last() {
        return Optional.ofNullable(last);
    }

    /** The page's change counter when it was last seen: while it is the same, the last look still holds. */
    int generation() {
        return observer.generation();
    }

    /** How many fields the look after an action masked for the screenshot. */
    int maskedFields() {
        return observer.maskedFields();
    }

    boolean lookedAfterAction() {
        return lookedAfterAction && last != null;
    }

    /** Something other than the last action may have changed the page since (a new action, a person, a picture). */
    void mayHaveChanged() {
        lookedAfterAction = false;
    }

    /** Hands the look after the last action to the loop, once. */
    Optional<PageObservation> takeLookAfterAction() {
        if (!lookedAfterAction()) {
            return Optional.empty();
        }
        lookedAfterAction = false;
        return Optional.of(last);
    }

    /** The screenshot the step took of the page as last seen, for a planner that reads images. */
    void shownIn(Path screenshot) {
        if (lookedAfterAction()) {
            last = last.withScreenshot(screenshot);
        }
    }

    /** The browser is gone: nothing of it is known. */
    void forget() {
        last = null;
        lookedAfterAction = false;
    }
}
