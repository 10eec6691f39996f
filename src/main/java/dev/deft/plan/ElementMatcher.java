package dev.deft.plan;

import dev.deft.core.ObservedElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the one element a phrase names, tolerant of case, punctuation, endings, synonyms and typos, but never
 * guessing: two elements that match equally well are an ambiguity, reported with both.
 */
final class ElementMatcher {
    static final double GOOD_ENOUGH = 0.7;
    private static final double TIE = 0.03;

    /** What the step needs the element to be. */
    enum Want {
        PRESSABLE(e -> e.interactive() && !Set.of("textbox", "searchbox", "spinbutton").contains(e.role())),
        FIELD(e -> Set.of("textbox", "searchbox", "combobox", "spinbutton").contains(e.role())),
        BOX(e -> Set.of("checkbox", "radio", "switch", "menuitemcheckbox", "menuitemradio").contains(e.role())),
        LIST(e -> Set.of("combobox", "listbox", "radiogroup").contains(e.role())),
        READABLE(e -> true);

        final Predicate<ObservedElement> fits;

        Want(Predicate<ObservedElement> fits) {
            this.fits = fits;
        }
    }

    /** What a search found. */
    sealed interface Match {
        record Found(ObservedElement element, double score) implements Match { }

        record Ambiguous(ObservedElement first, ObservedElement second, double score) implements Match { }

        record Missing(Optional<ObservedElement> closest, double score) implements Match { }
    }

    private ElementMatcher() {
    }

    static Match find(List<ObservedElement> elements, Phrase phrase, Want want) {
        List<ObservedElement> fitting = elements.stream().filter(want.fits).filter(e -> kindFits(e, phrase)).toList();
        if (fitting.isEmpty()) {
            fitting = elements.stream().filter(want.fits).toList();
        }
        if (phrase.isEmpty() && phrase.kind().isPresent() && phrase.ordinal() == 0 && fitting.size() < elements.size()) {
            // "the title", "the heading": the first of that kind
            return fitting.isEmpty() ? new Match.Missing(Optional.empty(), 0) : new Match.Found(fitting.get(0), 1);
        }
        if (phrase.ordinal() != 0) {
            // "the first name field" names a field called "First name" before it names the first field.
            Match asName = phrase.ordinal() > 0 && !phrase.quoted() ? best(fitting, phrase.withPositionAsWords()) : null;
            if (asName instanceof Match.Found found && found.score() >= 0.85) {
                return asName;
            }
            return nth(fitting, phrase);
        }
        Match match = best(fitting, phrase);
        Optional<Phrase> kindAsWords = phrase.withKindAsWords();
        if (match instanceof Match.Missing && kindAsWords.isPresent()) {
            // "show advanced options" names a button whose name ends in a kind word
            Match asName = best(elements.stream().filter(want.fits).toList(), kindAsWords.get());
            if (asName instanceof Match.Found) {
                return asName;
            }
        }
        return match;
    }

    private static Match nth(List<ObservedElement> fitting, Phrase phrase) {
        List<ObservedElement> named = phrase.isEmpty() ? fitting
                : fitting.stream().filter(e -> score(e, phrase) >= GOOD_ENOUGH).toList();
        int index = phrase.ordinal() > 0 ? phrase.ordinal() - 1 : named.size() - 1;
        if (index < 0 || index >= named.size()) {
            return new Match.Missing(named.isEmpty() ? Optional.empty() : Optional.of(named.get(named.size() - 1)), 0);
        }
        return new Match.Found(named.get(index), 1);
    }

    private static Match best(List<ObservedElement> candidates, Phrase phrase) {
        List<Scored> scored = new ArrayList<>();
        for (ObservedElement element : candidates) {
            scored.add(new Scored(element, score(element, phrase)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        if (scored.isEmpty() || scored.get(0).score() < GOOD_ENOUGH) {
            return new Match.Missing(scored.isEmpty() ? Optional.empty() : Optional.of(scored.get(0).element()),
                    scored.isEmpty() ? 0 : scored.get(0).score());
        }
        Scored top = scored.get(0);
        if (scored.size() > 1 && top.score() - scored.get(1).score() < TIE && !sameThing(top.element(), scored.get(1).element())) {
            return new Match.Ambiguous(top.element(), scored.get(1).element(), top.score());
        }
        return new Match.Found(top.element(), top.score());
    }

    /** How well the phrase names the element, by the best of its name, text, label and placeholder. */
    static double score(ObservedElement element, Phrase phrase) {
        if (phrase.isEmpty()) {
            return 0;
        }
        double best = 0;
        for (String said : List.of(element.name(), element.text(), element.label(), element.placeholder())) {
            if (said.isBlank()) {
                continue;
            }
            double s = phrase.quoted() ? quotedSimilarity(phrase.words(), said) : NameLikeness.similarity(phrase.words(), said);
            best = Math.max(best, s);
        }
        return best;
    }

    /** Quoted words must be there as written, give or take case and spacing; a longer label scores a little less. */
    private static double quotedSimilarity(String wanted, String said) {
        String w = wanted.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String s = said.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (s.equals(w)) {
            return 1;
        }
        if (s.replaceAll("[^\\p{L}\\p{N} ]", "").strip().equals(w.replaceAll("[^\\p{L}\\p{N} ]", "").strip())) {
            return 0.98;
        }
        if (s.contains(w)) {
            return 0.9 - 0.15 * (1 - (double) w.length() / s.length());
        }
        return NameLikeness.similarity(wanted, said) * 0.9;
    }

    private static boolean kindFits(ObservedElement element, Phrase phrase) {
        if (phrase.kind().isEmpty()) {
            return true;
        }
        return switch (phrase.kind().get()) {
            case "button" -> Set.of("button", "menuitem", "tab", "link", "switch").contains(element.role());
            case "link" -> element.role().equals("link");
            case "tab" -> element.role().equals("tab") || element.role().equals("link");
            case "field" -> Want.FIELD.fits.test(element);
            case "checkbox" -> Want.BOX.fits.test(element);
            case "option" -> Set.of("radio", "option", "checkbox").contains(element.role());
            case "list" -> Want.LIST.fits.test(element);
            case "heading" -> element.role().equals("heading");
            default -> true;
        };
    }

    /** Two elements a person could not tell apart and that do the same: the same role, name and place. */
    private static boolean sameThing(ObservedElement a, ObservedElement b) {
        return a.role().equals(b.role()) && a.name().equals(b.name()) && a.context().equals(b.context())
                && a.text().equals(b.text());
    }

    /** How a person would recognise the element in a message: {@code "Add to cart" (button in "USB cable")}. */
    static String describe(ObservedElement element) {
        String name = !element.name().isBlank() ? element.name() : !element.text().isBlank() ? element.text()
                : !element.label().isBlank() ? element.label() : element.placeholder();
        String where = element.context().isBlank() ? "" : " in \"" + element.context() + "\"";
        return "\"" + name + "\" (" + (element.role().isBlank() ? "element" : element.role()) + " #" + element.number() + where + ")";
    }

    private record Scored(ObservedElement element, double score) {
    }
}
