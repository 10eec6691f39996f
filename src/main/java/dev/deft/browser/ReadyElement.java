package dev.deft.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WebElement;

/**
 * An element ready to be acted on: as the page described it, the live element, the page as it was just before, where
 * a click lands (for an element of the top page in view), how it differs from what the target described, if it does,
 * and which locator found it where that was not the first.
 */
record ReadyElement(PageElement element, WebElement live, PageObservation before, Optional<ClickPoint> at,
                    Optional<String> disagreement, String foundBy) {

    /** Where a click on an element of the top page lands, in CSS pixels of the viewport. */
    record ClickPoint(double x, double y) {
        /** From the page library's answer to {@code prepare}: status, element, then x and y when in view. */
        static Optional<ClickPoint> of(List<?> prepared) {
            return prepared.size() >= 4 && prepared.get(2) instanceof Number x && prepared.get(3) instanceof Number y
                    ? Optional.of(new ClickPoint(x.doubleValue(), y.doubleValue())) : Optional.empty();
        }
    }

    /** The element as the step's report names it, with the locator that found it where it was not the first. */
    String named() {
        return element.describe() + foundBy;
    }
}
