package dev.deft.plan;

import static dev.deft.plan.Grounded.target;

import dev.deft.core.Action;
import dev.deft.core.ObservedElement;
import dev.deft.plan.ElementMatcher.Match;
import dev.deft.plan.ElementMatcher.Want;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a clause no rule of the grammar reads, with the page's own words as the lexicon: the span of the clause that
 * names a control on the page is the mention ("Sign up" in "sign me up", "Surname" in "Surname Ito"), the control
 * decides the action (a button is clicked, a field takes the rest of the clause as its value, a box is ticked), and
 * what is left must be the value, the place ("delete the draft": the Delete button of the draft) or nothing.
 */
final class ClauseReading {
    private static final double MENTION = 0.8;
    private static final int LONGEST_NAME = 6;
    /** Verbs that leave the action to the thing named: "set", "make", "use", "put", "do". */
    private static final Set<String> GENERAL_VERBS = Set.of("set", "make", "use", "put", "do", "give", "have", "focus",
            "activate", "go", "hit", "try");
    /** Words with no part in naming: said around a name, never in it. */
    private static final Set<String> FILLER = Set.of("me", "us", "my", "our", "please", "now", "just", "the", "a", "an",
            "it", "this", "that", "for", "up");
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|“[^”]*”|'[^']*'(?![a-z])|\\S+");
    private static final Pattern CONNECTOR = Pattern.compile("(?i)^(?:with|to|as|into|in|on|=|:|-|is|of|at|equal to|be)$");

    private final FieldGrounding fields;
    private final Recall recall;

    ClauseReading(FieldGrounding fields, Recall recall) {
        this.fields = fields;
        this.recall = recall;
    }

    Grounded read(String clause, List<ObservedElement> elements, boolean opened) {
        List<Token> tokens = tokens(clause);
        if (!tokens.isEmpty() && GENERAL_VERBS.contains(tokens.get(0).lower())) {
            tokens = tokens.subList(1, tokens.size());
        }
        Optional<Mention> mention = mention(tokens, elements);
        if (mention.isEmpty()) {
            // after a thing was found for it ("find the email by X and reply"), its words may be behind that thing
            return recall.named(elements).isPresent() ? Grounded.NotThere.yet(notUnderstood(clause))
                    : Grounded.NotThere.never(notUnderstood(clause));
        }
        Mention m = mention.get();
        ObservedElement element = m.element();
        if (element.isField()) {
            return fieldsNamed(clause, tokens, elements, opened);
        }
        List<Token> rest = new ArrayList<>(tokens.subList(0, m.from()));
        rest.addAll(tokens.subList(m.to(), tokens.size()));
        while (!rest.isEmpty() && (CONNECTOR.matcher(rest.get(0).text()).matches() || isKindWord(rest.get(0)))) {
            rest.remove(0);
        }
        while (!rest.isEmpty() && (CONNECTOR.matcher(rest.get(rest.size() - 1).text()).matches() || isKindWord(rest.get(rest.size() - 1)))) {
            rest.remove(rest.size() - 1);
        }
        String value = rest.size() == 1 && rest.get(0).quoted() ? rest.get(0).unquoted()
                : String.join(" ", rest.stream().map(Token::text).toList());
        recall.named(element);
        boolean onlyFiller = rest.stream().allMatch(t -> FILLER.contains(t.lower()));
        if (onlyFiller) {
            return Grounded.Steps.last("Click " + ElementMatcher.describe(element) + ", which the request names.",
                    new Action.Click(target(element)));
        }
        // "delete the draft": the Delete button in the place the rest of the clause names
        Phrase name = Phrase.of(String.join(" ", tokens.subList(m.from(), m.to()).stream().map(Token::text).toList()));
        Phrase place = Phrase.of(value);
        Match within = ElementMatcher.findWithin(elements, name, place, Want.PRESSABLE, recall.named(elements));
        if (within instanceof Match.Found found) {
            recall.named(found.element());
            return Grounded.Steps.last("Click " + ElementMatcher.describe(found.element()) + ".", new Action.Click(target(found.element())));
        }
        return Grounded.NotThere.never("I read \"" + clause + "\" as " + ElementMatcher.describe(element)
                + ", but not what \"" + value + "\" asks of it; say it with a verb (click, type, choose).");
    }

    /**
     * "first name Amara, surname Okafor", "Okafor as the surname", "the user is ada.l and the password is X": the
     * fields the clause names, each with the words beside it as its value: the words after each name when the clause
     * goes name first, the words before it when it ends with a name. Words before the first name that are no filler
     * ("call this address Home") leave the reading unsure, and it says so rather than type them.
     */
    private Grounded fieldsNamed(String clause, List<Token> tokens, List<ObservedElement> elements, boolean opened) {
        List<Mention> named = mentions(tokens, elements);
        Mention last = named.get(named.size() - 1);
        boolean nameFirst = !trimmed(tokens.subList(last.to(), tokens.size())).isEmpty();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            Mention m = named.get(i);
            List<Token> words = nameFirst ? tokens.subList(m.to(), i + 1 < named.size() ? named.get(i + 1).from() : tokens.size())
                    : tokens.subList(i == 0 ? 0 : named.get(i - 1).to(), m.from());
            values.add(value(trimmed(words)));
        }
        List<Token> lead = nameFirst ? trimmed(tokens.subList(0, named.get(0).from())) : List.of();
        if (!lead.isEmpty()) {
            return Grounded.NotThere.never("I read \"" + clause + "\" as " + ElementMatcher.describe(named.get(0).element())
                    + ", but not what \"" + value(lead) + "\" asks of it; say it with a verb (type, choose, tick).");
        }
        Optional<String> unsure = unsure(named, values, tokens, elements, nameFirst);
        if (unsure.isPresent()) {
            return Grounded.NotThere.never("I read \"" + clause + "\" as " + String.join(", ", named.stream()
                    .map(m -> ElementMatcher.describe(m.element())).toList()) + ", but " + unsure.get()
                    + "; name each field with a verb (type X into Y).");
        }
        if (named.size() == 1) {
            return oneField(named.get(0), values.get(0), tokens, elements, opened);
        }
        List<Action> actions = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            ObservedElement field = named.get(i).element();
            String value = values.get(i);
            boolean box = Set.of("checkbox", "switch", "menuitemcheckbox").contains(field.role());
            if (value.isBlank() && !box || autocompletes(field) || Values.of(value, false) instanceof Intent.Value.Described) {
                return Grounded.NotThere.never("I read \"" + clause + "\" as several fields, but not what to do with "
                        + ElementMatcher.describe(field) + (value.isBlank() ? "" : " and \"" + value + "\"")
                        + "; name one field at a time, with a verb (type, choose).");
            }
            Grounded each = fields.put(elements, field, box && value.isBlank() ? "on" : value, opened);
            if (!(each instanceof Grounded.Steps steps) || !steps.finishes()) {
                return each instanceof Grounded.NotThere ? each : Grounded.NotThere.never("I read \"" + clause
                        + "\" as several fields, but " + ElementMatcher.describe(field) + " needs a step of its own; "
                        + "name one field at a time.");
            }
            actions.addAll(steps.actions());
            said.add(ElementMatcher.describe(field));
        }
        recall.named(last.element());
        return new Grounded.Steps(actions, true, "Fill " + String.join(", ", said) + ".");
    }

    /**
     * Why the values read may hold words that are no value, or nothing: a value that runs on past a comma into words
     * no field was found for ("4111 1111, expiry 09/27"), one that holds "is" ("answer is ines@…": a name read too
     * short), or one that holds a word of another field's name ("14 Rue des Lilas town Nantes").
     */
    private static Optional<String> unsure(List<Mention> named, List<String> values, List<Token> tokens,
                                           List<ObservedElement> elements, boolean nameFirst) {
        for (int i = 0; nameFirst && i < named.size(); i++) {
            int end = i + 1 < named.size() ? named.get(i + 1).from() : tokens.size();
            List<Token> words = tokens.subList(named.get(i).to(), end);
            for (int w = 0; w < words.size() - 1; w++) {
                if (words.get(w).ends() && !trimmed(words.subList(w + 1, words.size())).isEmpty() && named.size() > 1) {
                    return Optional.of("not which field \"" + value(trimmed(words.subList(w + 1, words.size()))) + "\" is for");
                }
            }
        }
        Set<Integer> mentioned = new java.util.HashSet<>(named.stream().map(m -> m.element().number()).toList());
        Set<String> otherNames = new java.util.HashSet<>();
        elements.stream().filter(ObservedElement::isField).filter(e -> !mentioned.contains(e.number()))
                .forEach(e -> otherNames.addAll(List.of(e.name().toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))));
        for (String value : values) {
            if (tokens.stream().anyMatch(t -> t.quoted() && t.unquoted().equals(value))) {
                continue; // quoted: the words are the value, whatever they say
            }
            for (String word : value.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.equals("is") || word.equals("are")) {
                    return Optional.of("not where the name ends and \"" + value + "\" begins");
                }
                if (word.length() >= 4 && word.matches("\\p{L}+") && otherNames.contains(word)) {
                    return Optional.of("\"" + value + "\" names another field too");
                }
            }
        }
        return Optional.empty();
    }

    /** One field the clause names, with its value (or none: the cursor is put in it, a box is ticked). */
    private Grounded oneField(Mention m, String value, List<Token> tokens, List<ObservedElement> elements, boolean opened) {
        ObservedElement element = m.element();
        recall.named(element);
        boolean box = Set.of("checkbox", "switch", "menuitemcheckbox").contains(element.role());
        if (box || element.role().equals("radio")) {
            return fields.put(elements, element, value.isBlank() ? "on" : value, opened);
        }
        if (value.isBlank()) {
            return Grounded.Steps.last("Put the cursor in " + ElementMatcher.describe(element) + ".", new Action.Click(target(element)));
        }
        Intent.Value said = Values.of(value, false);
        if (said instanceof Intent.Value.Described) {
            // "from a city that starts with M": a value to find among what the page offers, or an honest no
            Phrase field = Phrase.of(String.join(" ", tokens.subList(m.from(), m.to()).stream().map(Token::text).toList()));
            return fields.fill(elements, new Intent.Fill(Optional.of(field), said), opened);
        }
        if (autocompletes(element)) {
            return suggested(element, value, elements, opened);
        }
        Grounded typed = fields.put(elements, element, value, opened);
        // "add a card "Call the printer"" in a box called "Add a card…" beside an "Add" button: the request is the
        // button's, once the box holds the words
        String verb = tokens.get(0).lower();
        Optional<ObservedElement> doer = (m.from() == 0 ? FormButton.of(elements, Optional.of(element)) : Optional.<ObservedElement>empty())
                .filter(b -> b.name().equalsIgnoreCase(verb) || b.name().toLowerCase(Locale.ROOT).startsWith(verb + " "));
        if (typed instanceof Grounded.Steps steps && steps.finishes() && doer.isPresent()) {
            List<Action> both = new ArrayList<>(steps.actions());
            both.add(new Action.Click(target(doer.get())));
            return new Grounded.Steps(both, true, steps.thought() + " Then click " + ElementMatcher.describe(doer.get()) + ".");
        }
        return typed;
    }

    /** A text field that offers suggestions as one types ("City or station"): typed into, then a suggestion chosen. */
    private static boolean autocompletes(ObservedElement field) {
        return field.role().equals("combobox") && Set.of("text", "search", "").contains(field.type()) && field.options().isEmpty();
    }

    private Grounded suggested(ObservedElement field, String value, List<ObservedElement> elements, boolean opened) {
        if (!opened) {
            return Grounded.Steps.first("Type \"" + value + "\" into " + ElementMatcher.describe(field)
                    + ", then choose from its suggestions.", new Action.Type(target(field), value));
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        Optional<ObservedElement> suggestion = elements.stream().filter(e -> e.role().equals("option"))
                .filter(e -> (e.name() + " " + e.text()).toLowerCase(Locale.ROOT).contains(wanted)
                        || NameLikeness.similarity(value, e.name()) >= 0.8)
                .findFirst();
        if (suggestion.isEmpty()) {
            return Grounded.NotThere.yet(ElementMatcher.describe(field) + " suggests nothing like \"" + value + "\".");
        }
        recall.named(field);
        return Grounded.Steps.last("Choose " + ElementMatcher.describe(suggestion.get()) + ".",
                new Action.Click(target(suggestion.get())));
    }

    /** The words without the connectors, filler and kind words at either end ("is ada.l and the" is "ada.l"). */
    private static List<Token> trimmed(List<Token> words) {
        int from = 0;
        int to = words.size();
        while (from < to && joining(words.get(from))) {
            from++;
        }
        while (to > from && joining(words.get(to - 1))) {
            to--;
        }
        return words.subList(from, to);
    }

    private static boolean joining(Token token) {
        return !token.quoted() && (CONNECTOR.matcher(token.text()).matches() || FILLER.contains(token.lower())
                || isKindWord(token) || token.lower().matches("and|then|also|are|was|will|should|teh|hte|,|;"));
    }

    private static String value(List<Token> words) {
        return words.size() == 1 && words.get(0).quoted() ? words.get(0).unquoted()
                : String.join(" ", words.stream().map(Token::text).toList());
    }

    /** The fields the clause names, each once, the spans apart, in the clause's order. */
    private static List<Mention> mentions(List<Token> tokens, List<ObservedElement> elements) {
        List<ObservedElement> fields = elements.stream().filter(ObservedElement::isField).toList();
        List<Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[tokens.size()];
        while (true) {
            Mention best = null;
            for (Mention candidate : candidates(tokens, fields)) {
                boolean free = found.stream().noneMatch(f -> f.element().number() == candidate.element().number());
                for (int i = candidate.from(); free && i < candidate.to(); i++) {
                    free = !taken[i];
                }
                if (free && (best == null || candidate.better(best))) {
                    best = candidate;
                }
            }
            if (best == null) {
                break;
            }
            found.add(best);
            for (int i = best.from(); i < best.to(); i++) {
                taken[i] = true;
            }
        }
        found.sort(java.util.Comparator.comparingInt(Mention::from));
        return found;
    }

    /** The control the clause names best, with the span that names it; longer and closer names first. */
    private static Optional<Mention> mention(List<Token> tokens, List<ObservedElement> elements) {
        Mention best = null;
        for (Mention mention : candidates(tokens, elements.stream().filter(ObservedElement::interactive).toList())) {
            if (best == null || mention.better(best)) {
                best = mention;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Every span of the clause that names one of the controls well enough. A connector names a control only when it
     * is all of the control's name ("to" for a field called "To").
     */
    private static List<Mention> candidates(List<Token> tokens, List<ObservedElement> controls) {
        List<Mention> mentions = new ArrayList<>();
        for (int from = 0; from < tokens.size(); from++) {
            if (FILLER.contains(tokens.get(from).lower())) {
                continue;
            }
            if (CONNECTOR.matcher(tokens.get(from).text()).matches()) {
                String word = tokens.get(from).lower();
                for (ObservedElement control : controls) {
                    if (control.isField() && control.name().toLowerCase(Locale.ROOT).strip().equals(word)) {
                        mentions.add(new Mention(control, from, from + 1, 1));
                    }
                }
                continue;
            }
            for (int to = from + 1; to <= Math.min(tokens.size(), from + LONGEST_NAME); to++) {
                String span = named(tokens.subList(from, to));
                if (span.isBlank()) {
                    continue;
                }
                Phrase phrase = Phrase.of(span);
                Phrase asWritten = new Phrase(span, tokens.get(from).quoted() && to == from + 1, Optional.empty(), 0, span);
                for (ObservedElement element : controls) {
                    double score = Math.max(ElementMatcher.score(element, asWritten),
                            phrase.isEmpty() ? 0 : ElementMatcher.score(element, phrase));
                    if (score < MENTION) {
                        continue;
                    }
                    mentions.add(new Mention(element, from, to, score));
                }
            }
        }
        return mentions;
    }

    /** A span's words with the filler dropped: "sign me up" names "Sign up". */
    private static String named(List<Token> span) {
        List<String> words = new ArrayList<>();
        for (Token token : span) {
            if (!FILLER.contains(token.lower()) || words.isEmpty() && span.size() == 1) {
                words.add(token.quoted() ? token.unquoted() : token.text());
            } else if (token.lower().equals("up") && !words.isEmpty()) {
                words.add(token.text()); // "sign me up", "set it up": the particle is part of the name
            }
        }
        return String.join(" ", words);
    }

    private static boolean isKindWord(Token token) {
        return Kind.of(token.lower()).isPresent() || token.lower().matches("value|option|entry");
    }

    private static List<Token> tokens(String clause) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(clause.strip());
        while (m.find()) {
            String t = m.group();
            boolean quoted = t.length() >= 2 && !Values.unquote(t).equals(t);
            tokens.add(new Token(quoted ? t : t.replaceAll("[.,!?;]+$", ""), quoted, t.matches(".*[,;]$")));
        }
        tokens.removeIf(t -> t.text().isEmpty());
        return tokens;
    }

    static String notUnderstood(String clause) {
        return "I did not understand \"" + clause + "\": nothing on this page goes by those words, and the built-in "
                + "planner knows commands such as open, click, type, choose, check, search, log in, press, scroll, "
                + "wait for and read. A language model (docs/MODELS.md) or a recorded skill would handle this.";
    }

    /** A word of the clause; {@code ends} when a comma or semicolon follows it. */
    private record Token(String text, boolean quoted, boolean ends) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        String unquoted() {
            return Values.unquote(text);
        }
    }

    /** A control named by the tokens from {@code from} to {@code to}. */
    private record Mention(ObservedElement element, int from, int to, double score) {
        boolean better(Mention other) {
            if (Math.abs(score - other.score) >= 0.05) {
                return score > other.score;
            }
            return to - from > other.to - other.from;
        }
    }
}
