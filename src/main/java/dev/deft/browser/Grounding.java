package dev.deft.browser;

import dev.deft.core.Locator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a target came to on a page: one element, two equally good ones, or none good enough. */
sealed interface Grounding {

    /**
     * The element the target means, how sure the match is, and by which of the target's locators; or, with a
     * {@code disagreement}, the element a locator landed on that is not the one the target described (see
     * {@link TargetIdentity}), which is acted on only with a person's yes.
     */
    record Found(PageElement element, double score, Locator by, String token, Optional<String> disagreement)
            implements Grounding {
        public Found {
            disagreement = disagreement == null ? Optional.empty() : disagreement;
        }

        Found(PageElement element, double score, Locator by, String token) {
            this(element, score, by, token, Optional.empty());
        }

        Found disagreeing(String why) {
            return new Found(element, score, by, token, Optional.of(why));
        }
    }

    /** Two (or more) elements match equally well: Deft does not guess. */
    record Ambiguous(Locator by, List<PageElement> candidates, double score) implements Grounding {
        String message() {
            return by + " is ambiguous: " + candidates.get(0).describe() + " and " + candidates.get(1).describe()
                    + (candidates.size() > 2 ? " (and " + (candidates.size() - 2) + " more)" : "")
                    + " match equally well; say which, e.g. by its number or the words near it.";
        }
    }

    /** Nothing matches well enough; the closest candidate, if any, for the message, or why the locator found nothing. */
    record Missing(Locator by, PageElement closest, double score, String why, String others) implements Grounding {
        Missing(Locator by, PageElement closest, double score) {
            this(by, closest, score, "", "");
        }

        Missing(Locator by, PageElement closest, double score, String why) {
            this(by, closest, score, why, "");
        }

        String message() {
            if (by instanceof Locator.NearText) {
                return "nothing but " + by + " describes it, and that alone does not say which element";
            }
            String nor = others.isEmpty() ? "" : "; " + others;
            if (!why.isEmpty()) {
                return "no element matches " + by + ": " + why + nor;
            }
            return (closest == null ? "no element matches " + by
                    : "no element matches " + by + " (closest: " + closest.describe() + ", "
                    + String.format(Locale.ROOT, "%.2f", score) + ")") + nor;
        }
    }
}
