package dev.deft.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a request gives the value to put in a field: quoted text as written ({@code "Smith & Daughters"}), a value
 * named with its field ({@code the username "vina" and the password "US"}), a word pointing back at what was read
 * ({@code type that into the box}), or a description to satisfy ({@code a word that starts with Ka}).
 */
final class Values {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|“([^”]*)”|'([^']*)'(?![a-z])");
    /** "the username "vina"", "password: 'US'", "the code = 1234" */
    private static final Pattern PAIR = Pattern.compile("(?i)\\s*(?:,\\s*)?(?:and\\s+)?(?:the\\s+|a\\s+|my\\s+)?"
            + "(?<field>[\\p{L}\\p{N}][\\p{L}\\p{N} .-]{0,40}?)\\s*(?:of|as|is|=|:)?\\s*(?:\"(?<v1>[^\"]*)\"|“(?<v2>[^”]*)”|'(?<v3>[^']*)'(?![a-z]))");
    private static final Pattern RECALLED = Pattern.compile("(?i)(?:it|that|this|them|the (?:same )?(?:word|words|"
            + "result|answer|value|number|text|one) ?(?:you (?:found|read))?|that (?:word|value|number|text|one)|what you (?:found|read))");
    private static final Pattern DESCRIBED = Pattern.compile("(?i)^(?:a|an|any|some|one)\\s+(?:[\\p{L}-]+\\s+){0,2}?"
            + "(?:that|which|who|starting|ending|beginning|containing|with|similar|like|whose|of)\\b.+"
            + "|^(?:something|anything|whatever|someone|somebody|anyone)\\b.*"
            + "|^(?:a|an|any|some)\\s+(?:plausible|realistic|valid|sensible|suitable|made-up|fake|random)\\b.*"
            + "|.*\\b(?:plausible|realistic)$");
    /** Words that describe what the quoted value is, rather than name a field ("the number "3""). */
    private static final Pattern VALUE_NOUN = Pattern.compile("(?i)^(?:the\\s+|a\\s+)?(?:number|text|word|words|value|"
            + "string|phrase|letters?|digits?|code|sentence)$");

    private Values() {
    }

    /** The text without the quotes around all of it, if it has them. */
    static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'")
                || t.startsWith("“") && t.endsWith("”")) && QUOTED.matcher(t).results().count() == 1) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Whether all of the text is one quoted value. */
    static boolean isQuotedWhole(String text) {
        return !unquote(text).equals(text.strip());
    }

    /** A value as a request gives it: quoted, pointing back, described, or plain words. */
    static Intent.Value of(String spoken, boolean somethingWasRead) {
        String t = spoken.strip();
        if (somethingWasRead && RECALLED.matcher(t).matches()) {
            return new Intent.Value.Recalled();
        }
        if (!t.startsWith("\"") && !t.startsWith("“") && DESCRIBED.matcher(t).matches()) {
            return new Intent.Value.Described(t);
        }
        Matcher quote = QUOTED.matcher(t);
        if (quote.find() && quote.start() > 0 && !quote.find()) {
            // "the number "3"": one quoted value, said with what it is
            Matcher again = QUOTED.matcher(t);
            again.find();
            String before = t.substring(0, again.start()).strip();
            String after = t.substring(again.end()).strip();
            if (after.isEmpty() && VALUE_NOUN.matcher(before).matches()) {
                return new Intent.Value.Text(literal(again));
            }
        }
        return new Intent.Value.Text(unquote(t));
    }

    /**
     * Values named with their fields ("the username "vina" and the password "US"") as field and value pairs, when
     * the whole text is such pairs; otherwise none.
     */
    static Optional<List<Pair>> pairs(String spoken) {
        String t = spoken.strip();
        List<Pair> pairs = new ArrayList<>();
        Matcher m = PAIR.matcher(t);
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            String value = m.group("v1") != null ? m.group("v1") : m.group("v2") != null ? m.group("v2") : m.group("v3");
            String field = m.group("field").strip();
            if (VALUE_NOUN.matcher(field).matches()) {
                return Optional.empty();
            }
            pairs.add(new Pair(field, value));
            at = m.end();
        }
        return at >= t.replaceAll("\\s+$", "").length() && !pairs.isEmpty() ? Optional.of(pairs) : Optional.empty();
    }

    private static String literal(Matcher quote) {
        for (int group = 1; group <= quote.groupCount(); group++) {
            if (quote.group(group) != null) {
                return quote.group(group);
            }
        }
        return quote.group();
    }

    /** A field named and the value for it. */
    record Pair(String field, String value) {
    }
}
