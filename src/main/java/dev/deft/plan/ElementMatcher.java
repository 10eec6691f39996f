package dev.deft.plan;

import dev.deft.core.ObservedElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the element a phrase names, tolerant of case, punctuation, endings, synonyms and typos, but never guessing:
 * two elements that match equally well are an ambiguity, reported with both. A kind word narrows the candidates
 * ("the OK button"); a kind alone names the one thing of that kind there is ("the text box"), or the nth of them;
 * a thing named within another ("the price field of the blue kettle", "its quantity") is looked for in the box it
 * shares with that other thing.
 */
final class ElementMatcher {
    static final double GOOD_ENOUGH = 0.7;
    /** Within a box already narrowed down, a name need only be this close ("their address" for "Address:"). */
    private static final double GOOD_ENOUGH_WITHIN = 0.6;
    private static final double TIE = 0.03;
    /** Input types a person names a field by, when it has no label: "the date", "the password field". */
    private static final Map<String, String> TYPE_WORDS = Map.ofEntries(Map.entry("date", "date"),
            Map.entry("time", "time"), Map.entry("datetime-local", "date and time"), Map.entry("month", "month"),
            Map.entry("week", "week"), Map.entry("email", "email"), Map.entry("password", "password"),
            Map.entry("tel", "phone number"), Map.entry("number", "number"), Map.entry("url", "url"),
            Map.entry("search", "search"), Map.entry("color", "colour"), Map.entry("file", "file"),
            Map.entry("range", "slider"));

    /** What the step needs the element to be. */
    /** Roles of things made of items: a person presses an item, not the whole. */
    private static final Set<String> WHOLES = Set.of("menu", "menubar", "toolbar", "tablist", "tree", "grid", "radiogroup");

    enum Want {
        /** What a click is for; not a field, nor a menu, toolbar or list as a whole (its items are pressed). */
        PRESSABLE(e -> e.interactive() && !Set.of("textbox", "searchbox", "spinbutton").contains(e.role())
                && !WHOLES.contains(e.role())),
        FIELD(e -> Set.of("textbox", "searchbox", "combobox", "spinbutton").contains(e.role())),
        BOX(e -> Set.of("checkbox", "radio", "switch", "menuitemcheckbox", "menuitemradio").contains(e.role())),
        LIST(e -> Set.of("combobox", "listbox", "radiogroup").contains(e.role())),
        CONTROL(ObservedElement::interactive),
        READABLE(e -> true),
        NOT_A_WHOLE(e -> !WHOLES.contains(e.role()));

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
        return find(elements, phrase, want, Optional.empty());
    }

    /** @param before the thing named last, which "it", "its" and "their" point back at */
    static Match find(List<ObservedElement> elements, Phrase phrase, Want want, Optional<ObservedElement> before) {
        if (phrase.refersBack() && before.isPresent()) {
            return new Match.Found(before.get(), 1);
        }
        List<ObservedElement> fitting = elements.stream().filter(want.fits).toList();
        Match direct = direct(fitting, phrase);
        if (direct instanceof Match.Found) {
            return direct;
        }
        for (Phrase.Scoped reading : phrase.scopes()) {
            List<ObservedElement> inside = within(elements, fitting, reading, before);
            if (inside.size() == 1) {
                return new Match.Found(inside.get(0), 1);
            }
            if (inside.size() > 1 && direct instanceof Match.Missing) {
                direct = new Match.Ambiguous(inside.get(0), inside.get(1), 1);
            }
        }
        if (direct instanceof Match.Ambiguous && before.isPresent()) {
            // "find the email by Ana and click the star": of the equals, the one with the thing found before
            List<ObservedElement> near = within(elements, fitting, new Phrase.Scoped(phrase, Phrase.of("it")), before);
            if (near.size() == 1) {
                return new Match.Found(near.get(0), 1);
            }
        }
        return direct;
    }

    /** The thing named within the place named: "Delete" within "the draft". */
    static Match findWithin(List<ObservedElement> elements, Phrase thing, Phrase place, Want want,
                            Optional<ObservedElement> before) {
        List<ObservedElement> fitting = elements.stream().filter(want.fits).toList();
        List<ObservedElement> inside = within(elements, fitting, new Phrase.Scoped(thing, place), before);
        return inside.size() == 1 ? new Match.Found(inside.get(0), 1)
                : inside.size() > 1 ? new Match.Ambiguous(inside.get(0), inside.get(1), 1)
                : new Match.Missing(Optional.empty(), 0);
    }

    /** Every element a plural phrase names ("both password fields", "the Like buttons on posts by @ana"). */
    static List<ObservedElement> findAll(List<ObservedElement> elements, Phrase phrase, Want want,
                                         Optional<ObservedElement> before) {
        List<ObservedElement> fitting = elements.stream().filter(want.fits).toList();
        for (Phrase.Scoped reading : phrase.scopes()) {
            List<ObservedElement> inside = within(elements, fitting, reading, before);
            if (!inside.isEmpty()) {
                return inside;
            }
        }
        return named(fitting, phrase, GOOD_ENOUGH);
    }

    /** The phrase read as it stands, with no thing named within another. */
    private static Match direct(List<ObservedElement> fitting, Phrase phrase) {
        List<ObservedElement> ofKind = phrase.kind().map(k -> fitting.stream().filter(k::maybe).toList()).orElse(fitting);
        if (phrase.isEmpty()) {
            return phrase.kind().isEmpty() ? new Match.Missing(Optional.empty(), 0) : byKind(fitting, ofKind, phrase);
        }
        if (phrase.ordinal() != 0) {
            // "the first name field" names a field called "First name" before it names the first field.
            Match asName = phrase.ordinal() > 0 && !phrase.quoted() ? best(ofKind, phrase.withPositionAsWords()) : null;
            if (asName instanceof Match.Found found && found.score() >= 0.85) {
                return asName;
            }
            return nth(named(ofKind, phrase, GOOD_ENOUGH), phrase.ordinal());
        }
        Match match = best(ofKind, phrase);
        if (!(match instanceof Match.Found) && phrase.kind().isPresent()) {
            // "the search box", "the combo box": the words and the kind together name a role
            String roleWords = phrase.words().toLowerCase(Locale.ROOT).replace(" ", "");
            List<ObservedElement> byRole = roleWords.isEmpty() ? List.of() : ofKind.stream()
                    .filter(e -> e.role().startsWith(roleWords) && e.role().length() > roleWords.length()).toList();
            if (byRole.size() == 1) {
                return new Match.Found(byRole.get(0), 0.95);
            }
            // "show advanced options" names a button whose name ends in a kind word; "the Subscribe link" may be a button
            Optional<Match> asName = phrase.withKindAsWords().map(words -> best(fitting, words))
                    .filter(m -> m instanceof Match.Found);
            if (asName.isPresent()) {
                return asName.get();
            }
            Match anyKind = best(fitting, new Phrase(phrase.words(), phrase.quoted(), Optional.empty(), 0, phrase.spoken()));
            if (anyKind instanceof Match.Found found && found.score() >= 0.9) {
                return anyKind;
            }
        }
        return match;
    }

    /** "the text box", "the 2nd radio button": the one of that kind there is, or the nth of them. */
    private static Match byKind(List<ObservedElement> fitting, List<ObservedElement> ofKind, Phrase phrase) {
        Kind kind = phrase.kind().orElseThrow();
        // a kind word may be all of a name ("Menu", "Options", "Title")
        Match asName = best(fitting, new Phrase(phrase.spoken().replaceAll("(?i)^(the|a|an)\\s+", ""), false,
                Optional.empty(), 0, phrase.spoken()));
        if (asName instanceof Match.Found found && found.score() >= 0.95 && phrase.ordinal() == 0) {
            return asName;
        }
        List<ObservedElement> surely = ofKind.stream().filter(kind::surely).toList();
        List<ObservedElement> pool = surely.isEmpty() ? ofKind : surely;
        if (phrase.ordinal() != 0) {
            return nth(pool, phrase.ordinal());
        }
        if (pool.isEmpty()) {
            return new Match.Missing(Optional.empty(), 0);
        }
        if (pool.size() == 1 || kind == Kind.HEADING) {
            return new Match.Found(pool.get(0), 1);
        }
        List<ObservedElement> inView = pool.stream().filter(ObservedElement::inView).toList();
        if (inView.size() == 1) {
            return new Match.Found(inView.get(0), 0.9);
        }
        return new Match.Ambiguous(pool.get(0), pool.get(1), 1);
    }

    private static Match nth(List<ObservedElement> named, int ordinal) {
        int index = ordinal > 0 ? ordinal - 1 : named.size() - 1;
        if (index < 0 || index >= named.size()) {
            return new Match.Missing(named.isEmpty() ? Optional.empty() : Optional.of(named.get(named.size() - 1)), 0);
        }
        return new Match.Found(named.get(index), 1);
    }

    /** The elements the phrase names well enough, in the page's order; all of its kind for a kind alone. */
    private static List<ObservedElement> named(List<ObservedElement> candidates, Phrase phrase, double enough) {
        List<ObservedElement> ofKind = phrase.kind().map(k -> {
            List<ObservedElement> surely = candidates.stream().filter(k::surely).toList();
            return surely.isEmpty() ? candidates.stream().filter(k::maybe).toList() : surely;
        }).orElse(candidates);
        if (phrase.isEmpty()) {
            return phrase.kind().isPresent() ? ofKind : List.of();
        }
        return ofKind.stream().filter(e -> score(e, phrase) >= enough).toList();
    }

    /**
     * The candidates that sit with the scope's thing: each such candidate shares with some thing the scope names a
     * box that holds no other candidate ("the Archive link" in the row of "Lund", not in the table of all rows).
     */
    private static List<ObservedElement> within(List<ObservedElement> elements, List<ObservedElement> fitting,
                                                Phrase.Scoped reading, Optional<ObservedElement> before) {
        List<ObservedElement> anchors = anchors(elements, reading.scope(), before, 0);
        List<ObservedElement> candidates = named(fitting, reading.thing(), GOOD_ENOUGH_WITHIN);
        if (anchors.isEmpty() || candidates.isEmpty()) {
            return List.of();
        }
        if (!Nesting.known(elements)) {
            // a surface that does not tell its boxes: the card or row heading each element sits under
            return candidates.stream().filter(c -> anchors.stream().anyMatch(a -> !c.context().isBlank()
                    && NameLikeness.similarity(c.context(), a.name().isBlank() ? a.text() : a.name()) >= GOOD_ENOUGH
                    || NameLikeness.similarity(reading.scope().words(), c.context()) >= GOOD_ENOUGH)).toList();
        }
        Map<Integer, Integer> held = Nesting.holding(candidates);
        List<ObservedElement> kept = new ArrayList<>();
        for (ObservedElement candidate : candidates) {
            for (ObservedElement anchor : anchors) {
                int box = Nesting.shared(candidate, anchor);
                if (candidate.number() != anchor.number() && box != Nesting.NONE && held.get(box) == 1) {
                    kept.add(candidate);
                    break;
                }
            }
        }
        int ordinal = reading.thing().ordinal();
        if (ordinal != 0 && !kept.isEmpty()) {
            Match nth = nth(kept, ordinal);
            return nth instanceof Match.Found found ? List.of(found.element()) : List.of();
        }
        return kept;
    }

    /** The things a scope names: "the invoice from Lund" is whatever says "Lund" if nothing is called all of it. */
    private static List<ObservedElement> anchors(List<ObservedElement> elements, Phrase scope,
                                                 Optional<ObservedElement> before, int depth) {
        if (scope.refersBack()) {
            return before.map(List::of).orElse(List.of());
        }
        List<ObservedElement> named = named(elements, scope, GOOD_ENOUGH);
        if (!named.isEmpty() && (scope.kind().isPresent() || !scope.isEmpty())) {
            double top = named.stream().mapToDouble(e -> score(e, scope)).max().orElse(0);
            return scope.isEmpty() ? named : named.stream().filter(e -> score(e, scope) >= top - 0.1).toList();
        }
        if (depth < 2) {
            for (Phrase.Scoped inner : scope.scopes()) {
                List<ObservedElement> deeper = anchors(elements, inner.scope(), before, depth + 1);
                if (!deeper.isEmpty()) {
                    return deeper;
                }
            }
        }
        return List.of();
    }

    private static Match best(List<ObservedElement> candidates, Phrase phrase) {
        List<Scored> scored = new ArrayList<>();
        for (ObservedElement element : candidates) {
            double score = score(element, phrase);
            boolean looser = phrase.kind().filter(k -> !k.surely(element)).isPresent();
            scored.add(new Scored(element, looser ? score * 0.97 : score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        if (scored.isEmpty() || scored.get(0).score() < GOOD_ENOUGH) {
            return new Match.Missing(scored.isEmpty() ? Optional.empty() : Optional.of(scored.get(0).element()),
                    scored.isEmpty() ? 0 : scored.get(0).score());
        }
        double top = scored.get(0).score();
        List<ObservedElement> tied = new ArrayList<>(scored.stream().filter(s -> top - s.score() < TIE)
                .map(Scored::element).toList());
        tied.removeIf(outer -> tied.stream().anyMatch(inner -> inner != outer && Nesting.holds(outer, inner)));
        List<ObservedElement> distinct = new ArrayList<>();
        for (ObservedElement element : tied) {
            if (distinct.stream().noneMatch(seen -> sameThing(seen, element))) {
                distinct.add(element);
            }
        }
        if (distinct.size() > 1) {
            return new Match.Ambiguous(distinct.get(0), distinct.get(1), top);
        }
        return new Match.Found(distinct.get(0), top);
    }

    /** How well the phrase names the element, by the best of its name, text, label, placeholder and input type. */
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
        String type = TYPE_WORDS.get(element.type());
        if (type != null && !phrase.quoted()) {
            best = Math.max(best, 0.9 * NameLikeness.similarity(phrase.words(), type));
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

    /** Two elements a person could not tell apart and that do the same: the same role, name and place. */
    private static boolean sameThing(ObservedElement a, ObservedElement b) {
        return a.role().equals(b.role()) && a.name().equals(b.name()) && a.context().equals(b.context())
                && a.text().equals(b.text())
                // two links of one name in one part of the page (the menu's "Compose" and the big one) go one place
                && (a.role().equals("link") || a.within().isEmpty() || a.within().equals(b.within()));
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
