package dev.deft.browser;

import dev.deft.core.Locator;
import java.util.List;
import java.util.Locale;

/** What a target came to on a page: one element, two equally good ones, or none good enough. */
sealed interface Grounding {

    /** The element the target means, how sure the match is, and by which of the target's locators. */
    record Found(PageElement element, double score, Locator by, String token) implements Grounding {
    }

    /** Two (or more) elements match equally well: Deft does not guess. */
    record Ambiguous(Locator by, List<PageElement> candidates, double score) implements Grounding {
        String message() {
            return by + " is ambiguous: " + candidates.get(0).describe() + " and " + candidates.get(1).describe()
                    + (candidates.size() > 2 ? " (and " + (candidates.size() - 2) + " more)" : "")
                    + " match equally well; say which, e.g. by its number or the words near it.";
        }
    }

    /** Nothing matches well enough; the closest candidate, if any, for the message. */
    record Missing(Locator by, PageElement closest, double score) implements Grounding {
        String message() {
            return closest == null ? "no element matches " + by
                    : "no element matches " + by + " (closest: " + closest.describe() + ", "
                    + String.format(Locale.ROOT, "%.2f", score) + ")";
        }
    }
}
