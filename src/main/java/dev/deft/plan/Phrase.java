package dev.deft.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person names a thing on the screen: {@code the second "Add to cart" button}, {@code button ONE},
 * {@code both password fields}, {@code the price field of the blue kettle}. Quoted words are taken literally; the
 * kind words (button, link, text box…), the position words (first, 2nd, last) and the number words (both, all) are
 * taken out and kept beside the name. Where the thing is named within another ("of", "on", "'s", "its"), the
 * possible readings are offered by {@link #scopes()}, for the page to decide between.
 *
 * @param words   the name left once articles, kinds and positions are taken out
 * @param quoted  whether the name was in quotes, and so must match as written
 * @param kind    the kind of thing named, when a kind word was given
 * @param ordinal 1 for first, 2 for second…, -1 for last, 0 when no position was given
 * @param spoken  the phrase as the person said it, for messages
 * @param plural  whether it names several things ("both fields", "the checkboxes", "all posts")
 */
public record Phrase(String words, boolean quoted, Optional<Kind> kind, int ordinal, String spoken, boolean plural) {

    private static final Pattern QUOTED = Pattern.compile("[\"“”']([^\"“”]+?)[\"“”'](?![a-z])|[\"“”]([^\"“”]+)[\"“”]");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "this", "that", "my", "your", "on", "at",
            "some");
    private static final Set<String> MANY = Set.of("both", "all", "every", "each", "any");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth");
    private static final Pattern CALLED = Pattern.compile("(?i)^(?:the\\s+|a\\s+|an\\s+)?(?<ordinal>\\S+\\s+)?(?<noun>\\S+)\\s+"
            + "(?:labell?ed|called|named|titled|that says|saying|with the (?:text|label|name)|reading|marked)\\s+(?<name>.+)$");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)(?:st|nd|rd|th)");
    /** Where a thing is named inside another: "the price field of the blue kettle". */
    private static final Pattern WITHIN = Pattern.compile("(?i)\\s+(?:of|on|in|inside|within|from|for|by|under|beside|"
            + "next to|near|belonging to|about|with)\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i)^(?<scope>.+?)['’]s?\\s+(?<thing>.+)$");
    private static final Pattern BACK = Pattern.compile("(?i)^(?:its|their|his|her)\\s+(?<thing>.+)$");
    private static final Set<String> REFERRING = Set.of("it", "them", "this", "that", "this one", "that one", "they",
            "these", "those", "him", "her");

    public Phrase {
        words = words == null ? "" : words.strip();
        kind = kind == null ? Optional.empty() : kind;
        spoken = spoken == null ? words : spoken.strip();
    }

    public Phrase(String words, boolean quoted, Optional<Kind> kind, int ordinal, String spoken) {
        this(words, quoted, kind, ordinal, spoken, false);
    }

    /** Reads a person's words for a thing. */
    public static Phrase of(String spoken) {
        String text = spoken == null ? "" : spoken.strip();
        Matcher called = CALLED.matcher(text);
        if (called.matches() && (called.group("ordinal") == null || ordinalOf(called.group("ordinal").strip()) != 0)) {
            // "the button labelled Send", "the item called Prev", "the 2nd field named Code": a noun, then the name
            Phrase name = of(called.group("name"));
            int ordinal = called.group("ordinal") == null ? name.ordinal() : ordinalOf(called.group("ordinal").strip());
            return new Phrase(name.words(), name.quoted(), Kind.of(called.group("noun")).or(name::kind), ordinal,
                    spoken, name.plural());
        }
        Matcher quote = QUOTED.matcher(text);
        String literal = null;
        if (quote.find()) {
            literal = quote.group(1) != null ? quote.group(1) : quote.group(2);
            text = text.substring(0, quote.start()) + " " + text.substring(quote.end());
        }
        List<String> tokens = new ArrayList<>(List.of(Kind.joined(text).strip().split("\\s+")));
        tokens.replaceAll(t -> t.replaceAll("[.,!?;:]+$", ""));
        tokens.removeIf(String::isEmpty);
        List<String> kept = new ArrayList<>();
        Optional<Kind> kind = Optional.empty();
        int ordinal = 0;
        boolean plural = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i).toLowerCase(Locale.ROOT);
            boolean first = kept.isEmpty();
            if (first && (ARTICLES.contains(token) || MANY.contains(token))) {
                plural |= MANY.contains(token);
                continue;
            }
            int position = ordinalOf(token);
            if (ordinal == 0 && position != 0) {
                ordinal = position;
                continue;
            }
            boolean last = i == tokens.size() - 1;
            Optional<Kind> kindWord = Kind.of(token);
            // a kind word names the kind where it ends the phrase ("the OK button") or begins it ("button ONE")
            if (kindWord.isPresent() && kind.isEmpty() && (last || literal != null || first && i < tokens.size() - 1)) {
                kind = kindWord;
                plural |= Kind.isPlural(token);
                continue;
            }
            kept.add(tokens.get(i));
        }
        String rest = String.join(" ", kept).strip();
        if (literal != null) {
            return new Phrase(literal, true, kind, ordinal, spoken, plural);
        }
        return new Phrase(rest, false, kind, ordinal, spoken, plural);
    }

    private static int ordinalOf(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        int position = ORDINALS.indexOf(t);
        if (position >= 0) {
            return position + 1;
        }
        if (t.equals("last")) {
            return -1;
        }
        Matcher numbered = NUMBERED.matcher(t);
        return numbered.matches() ? Integer.parseInt(numbered.group(1)) : 0;
    }

    /** The same thing without its position: for names such as "first name" that a position word begins. */
    public Phrase withPositionAsWords() {
        if (ordinal <= 0 || quoted) {
            return this;
        }
        String position = ORDINALS.get(Math.min(ordinal, ORDINALS.size()) - 1);
        return new Phrase((position + " " + words).strip(), false, kind, 0, spoken, plural);
    }

    /** The same thing with its kind word kept as part of the name, for names such as "Show advanced options". */
    public Optional<Phrase> withKindAsWords() {
        if (kind.isEmpty() || quoted || words.isBlank()) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>(List.of(spoken.strip().split("\\s+")));
        tokens.replaceAll(t -> t.replaceAll("[.,!?;:]+$", ""));
        while (!tokens.isEmpty() && ARTICLES.contains(tokens.get(0).toLowerCase(Locale.ROOT))) {
            tokens.remove(0);
        }
        String named = String.join(" ", tokens);
        return named.equalsIgnoreCase(words) ? Optional.empty()
                : Optional.of(new Phrase(named, false, Optional.empty(), ordinal, spoken, plural));
    }

    /**
     * The readings of this phrase as a thing within another, nearest split first: "the Archive link on the invoice
     * from Lund" is the "Archive link" within "the invoice from Lund"; "the kettle's price" the "price" within "the
     * kettle"; "its price" the "price" within whatever was named before ({@link #refersBack()}).
     */
    public List<Scoped> scopes() {
        if (quoted && !spoken.replaceAll("[\"“”'][^\"“”]*[\"“”']", "").matches("(?s).*\\s(?:of|on|in|from|for|by)\\s.*")) {
            return List.of();
        }
        List<Scoped> readings = new ArrayList<>();
        Matcher back = BACK.matcher(spoken.strip());
        if (back.matches()) {
            readings.add(new Scoped(of(back.group("thing")), of("it")));
        }
        Matcher possessive = POSSESSIVE.matcher(spoken.strip());
        if (possessive.matches() && !possessive.group("scope").contains(" ") || possessive.matches()
                && possessive.group("scope").split("\\s+").length <= 4) {
            readings.add(new Scoped(of(possessive.group("thing")), of(possessive.group("scope"))));
        }
        Matcher within = WITHIN.matcher(spoken);
        while (within.find()) {
            String thing = spoken.substring(0, within.start());
            String scope = spoken.substring(within.end());
            if (!thing.isBlank() && !scope.isBlank() && balancedQuotes(thing)) {
                readings.add(new Scoped(of(thing), of(scope)));
            }
        }
        return readings;
    }

    private static boolean balancedQuotes(String text) {
        return text.chars().filter(c -> c == '"' || c == '“' || c == '”').count() % 2 == 0;
    }

    /** Whether the words point back at what was named before: "it", "them", "that one". */
    public boolean refersBack() {
        return REFERRING.contains(spoken.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip());
    }

    public boolean isEmpty() {
        return words.isBlank();
    }

    @Override
    public String toString() {
        return '"' + (words.isBlank() ? spoken : words) + '"';
    }

    /** A thing named within another: {@code thing} inside {@code scope}. */
    public record Scoped(Phrase thing, Phrase scope) {
    }
}
