package dev.deft.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person names a thing on the screen: {@code the second "Add to cart" button}, {@code the email field},
 * {@code the cheapest}. Quoted words are taken literally; the kind words (button, link, field…), the position
 * words (first, second, last) and the colours are taken out and kept beside them.
 *
 * @param words   the name left once articles, kinds and positions are taken out
 * @param quoted  whether the name was in quotes, and so must match as written
 * @param kind    the kind word given, normalised ({@code button}, {@code link}, {@code field}, {@code box}…)
 * @param ordinal 1 for first, 2 for second…, -1 for last, 0 when no position was given
 * @param spoken  the phrase as the person said it, for messages
 */
public record Phrase(String words, boolean quoted, Optional<String> kind, int ordinal, String spoken) {

    private static final Pattern QUOTED = Pattern.compile("[\"“”']([^\"“”]+?)[\"“”']|[\"“”]([^\"“”]+)[\"“”]");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "this", "that", "my", "your", "on", "at");
    private static final Set<String> COLOURS = Set.of("blue", "red", "green", "grey", "gray", "black", "white",
            "orange", "yellow", "purple", "pink", "big", "small", "large", "little", "primary", "main");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth");
    private static final Pattern CALLED = Pattern.compile("(?i)^(?:the\\s+|a\\s+)?(\\S+)\\s+(?:labell?ed|called|named|titled|that says|saying|with the text)\\s+(.+)$");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)(?:st|nd|rd|th)");

    public Phrase {
        words = words == null ? "" : words.strip();
        kind = kind == null ? Optional.empty() : kind;
        spoken = spoken == null ? words : spoken.strip();
    }

    /** Reads a person's words for a thing. */
    public static Phrase of(String spoken) {
        String text = spoken == null ? "" : spoken.strip();
        Matcher called = CALLED.matcher(text);
        if (called.matches() && Kinds.of(called.group(1).toLowerCase(Locale.ROOT)).isPresent()) {
            // "the button labelled Send", "the field called Subject": the kind, then the name
            Phrase name = of(called.group(2));
            return new Phrase(name.words(), name.quoted(), Kinds.of(called.group(1).toLowerCase(Locale.ROOT)),
                    name.ordinal(), spoken);
        }
        Matcher quote = QUOTED.matcher(text);
        String literal = null;
        if (quote.find()) {
            literal = quote.group(1) != null ? quote.group(1) : quote.group(2);
            text = text.substring(0, quote.start()) + " " + text.substring(quote.end());
        }
        List<String> kept = new ArrayList<>();
        Optional<String> kind = Optional.empty();
        int ordinal = 0;
        String[] tokens = text.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].toLowerCase(Locale.ROOT).replaceAll("[.,!?;:]+$", "");
            if (token.isEmpty() || ARTICLES.contains(token) && kept.isEmpty()) {
                continue;
            }
            int position = ORDINALS.indexOf(token);
            Matcher numbered = NUMBERED.matcher(token);
            boolean last = i == tokens.length - 1;
            if (ordinal == 0 && (position >= 0 || token.equals("last") || numbered.matches())) {
                ordinal = position >= 0 ? position + 1 : token.equals("last") ? -1 : Integer.parseInt(numbered.group(1));
                continue;
            }
            Optional<String> kindWord = Kinds.of(token);
            if (kindWord.isPresent() && (last || literal != null) && kind.isEmpty()) {
                kind = kindWord;
                continue;
            }
            if (COLOURS.contains(token) && (literal != null || !last)) {
                continue;
            }
            kept.add(tokens[i].replaceAll("[.,!?;:]+$", ""));
        }
        String rest = String.join(" ", kept).strip();
        if (literal != null) {
            return new Phrase(literal, true, kind, ordinal, spoken);
        }
        return new Phrase(rest, false, kind, ordinal, spoken);
    }

    /** The same thing without its position: for names such as "first name" that a position word begins. */
    public Phrase withPositionAsWords() {
        if (ordinal <= 0 || quoted) {
            return this;
        }
        String position = ORDINALS.get(Math.min(ordinal, ORDINALS.size()) - 1);
        return new Phrase((position + " " + words).strip(), false, kind, 0, spoken);
    }

    /** The same thing with its kind word kept as part of the name, for names such as "Show advanced options". */
    public Optional<Phrase> withKindAsWords() {
        if (kind.isEmpty() || quoted || words.isBlank()) {
            return Optional.empty();
        }
        String[] tokens = spoken.strip().split("\\s+");
        String last = tokens[tokens.length - 1].replaceAll("[.,!?;:]+$", "");
        if (Kinds.of(last.toLowerCase(Locale.ROOT)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Phrase(words + " " + last, false, Optional.empty(), ordinal, spoken));
    }

    public boolean isEmpty() {
        return words.isBlank();
    }

    @Override
    public String toString() {
        return '"' + (words.isBlank() ? spoken : words) + '"';
    }

    /** The kind words a person uses, and what each means. */
    static final class Kinds {
        private Kinds() {
        }

        static Optional<String> of(String word) {
            return Optional.ofNullable(switch (word) {
                case "button", "buttons", "btn", "icon" -> "button";
                case "link", "links", "hyperlink" -> "link";
                case "tab", "tabs" -> "tab";
                case "field", "fields", "box", "textbox", "input", "textfield", "area", "textarea" -> "field";
                case "checkbox", "checkboxes", "tickbox" -> "checkbox";
                case "radio", "option", "options" -> "option";
                case "dropdown", "drop-down", "menu", "list", "select", "combobox" -> "list";
                case "heading", "title", "header" -> "heading";
                default -> null;
            });
        }
    }
}
