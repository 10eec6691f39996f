package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.Target;
import dev.deft.plan.ElementMatcher.Match;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** An intent matched to the screen: the actions to take now, or why it cannot be. */
sealed interface Grounded {

    /**
     * Take these actions; {@code finishes} when they complete the intent, else it is looked at again after them.
     * No actions and {@code finishes}: the intent needs nothing done (the section is already open).
     */
    record Steps(List<Action> actions, boolean finishes, String thought) implements Grounded {
        public Steps {
            actions = List.copyOf(actions);
        }

        static Steps last(String thought, Action... actions) {
            return new Steps(List.of(actions), true, thought);
        }

        static Steps first(String thought, Action... actions) {
            return new Steps(List.of(actions), false, thought);
        }
    }

    /**
     * Nothing on the screen fits. {@code later}: it may yet appear, as on a page still loading ({@code waitable} is
     * the text to wait for, when there is one); not so for an ambiguity, which waiting does not mend.
     */
    record NotThere(String message, Optional<String> waitable, boolean later) implements Grounded {
        static NotThere yet(String message) {
            return new NotThere(message, Optional.empty(), true);
        }

        static NotThere never(String message) {
            return new NotThere(message, Optional.empty(), false);
        }
    }

    /** What a match leads to: the steps {@code then} gives for the element found, or why there is none. */
    static Grounded of(Match match, Phrase phrase, Function<ObservedElement, Grounded> then) {
        if (match instanceof Match.Found found) {
            return then.apply(found.element());
        }
        if (match instanceof Match.Ambiguous two) {
            return new NotThere("Two things match " + phrase + " equally: " + ElementMatcher.describe(two.first())
                    + " and " + ElementMatcher.describe(two.second()) + "; say which (for example \"the first\").",
                    Optional.empty(), false);
        }
        Match.Missing missing = (Match.Missing) match;
        String closest = missing.closest().filter(e -> missing.score() > 0.3)
                .map(e -> " (closest: " + ElementMatcher.describe(e) + ", " + String.format(Locale.ROOT, "%.2f", missing.score()) + ")")
                .orElse("");
        return new NotThere("Nothing here matches " + phrase + closest + ".",
                phrase.isEmpty() ? Optional.empty() : Optional.of(phrase.words()), true);
    }

    /** The element by its number, with its name kept as a second locator for the record. */
    static Target target(ObservedElement element) {
        Target byNumber = Target.byNumber(element.number());
        String name = !element.name().isBlank() ? element.name() : element.text();
        return name.isBlank() ? byNumber : byNumber.or(new Locator.Name(name));
    }
}
