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
            return Grounded.NotThere.never(notUnderstood(clause));
        }
        Mention m = mention.get();
        ObservedElement element = m.element();
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
        if (element.isField() && !Set.of("checkbox", "radio", "switch").contains(element.role())) {
            if (value.isBlank()) {
                return Grounded.Steps.last("Put the cursor in " + ElementMatcher.describe(element) + ".", new Action.Click(target(element)));
            }
            return fields.put(elements, element, value, opened);
        }
        if (Set.of("checkbox", "switch", "menuitemcheckbox").contains(element.role())) {
            return fields.put(elements, element, value.isBlank() ? "on" : value, opened);
        }
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

    /** The control the clause names best, with the span that names it; longer and closer names first. */
    private static Optional<Mention> mention(List<Token> tokens, List<ObservedElement> elements) {
        Mention best = null;
        List<ObservedElement> controls = elements.stream().filter(ObservedElement::interactive).toList();
        for (int from = 0; from < tokens.size(); from++) {
            if (FILLER.contains(tokens.get(from).lower()) || CONNECTOR.matcher(tokens.get(from).text()).matches()) {
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
                    Mention mention = new Mention(element, from, to, score);
                    if (best == null || mention.better(best)) {
                        best = mention;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
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
            tokens.add(new Token(quoted ? t : t.replaceAll("[.,!?;]+$", ""), quoted));
        }
        tokens.removeIf(t -> t.text().isEmpty());
        return tokens;
    }

    static String notUnderstood(String clause) {
        return "I did not understand \"" + clause + "\": nothing on this page goes by those words, and the built-in "
                + "planner knows commands such as open, click, type, choose, check, search, log in, press, scroll, "
                + "wait for and read. A language model (docs/MODELS.md) or a recorded skill would handle this.";
    }

    private record Token(String text, boolean quoted) {
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
