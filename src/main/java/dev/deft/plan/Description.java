package dev.deft.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value described rather than given ("a word that starts with 'Ka' and ends with 'na'"), read into tests its
 * candidates must pass. Only spelling is read (starts, ends, contains, length); a description by meaning is not a
 * description this can check, and says so.
 */
final class Description {
    private static final String TEXT = "[\"“'‘]?(?<t>[^\"”'’\\s,]+(?:\\s[^\"”'’\\s,]+)*?)[\"”'’]?";
    private static final Pattern STARTS = Pattern.compile("(?i)(?:starts?|starting|begins?|beginning)\\s+with\\s+(?:the\\s+letters?\\s+)?" + TEXT + "(?=\\s+and\\b|\\s*,|\\s*$|\\s+(?:that|which|and)\\b)");
    private static final Pattern ENDS = Pattern.compile("(?i)(?:ends?|ending)\\s+(?:with|in)\\s+(?:the\\s+letters?\\s+)?" + TEXT + "(?=\\s+and\\b|\\s*,|\\s*$|\\s+(?:that|which|and)\\b)");
    private static final Pattern CONTAINS = Pattern.compile("(?i)(?:contains?|containing|with|has|having)\\s+(?:the\\s+letters?\\s+)?" + TEXT + "\\s+(?:in it|inside)(?=\\s+and\\b|\\s*,|\\s*$)");
    private static final Pattern LENGTH = Pattern.compile("(?i)(?:of|with|has|having)\\s+(?<n>\\d+)\\s+letters");

    private final String spoken;
    private final List<Predicate<String>> tests;

    private Description(String spoken, List<Predicate<String>> tests) {
        this.spoken = spoken;
        this.tests = tests;
    }

    /** The description's tests, or none when it says nothing this can check. */
    static Optional<Description> of(String spoken) {
        List<Predicate<String>> tests = new ArrayList<>();
        String left = spoken;
        for (Pattern pattern : List.of(STARTS, ENDS, CONTAINS)) {
            Matcher m = pattern.matcher(left);
            while (m.find()) {
                String part = m.group("t").toLowerCase(Locale.ROOT);
                tests.add(pattern == STARTS ? s -> s.toLowerCase(Locale.ROOT).startsWith(part)
                        : pattern == ENDS ? s -> s.toLowerCase(Locale.ROOT).endsWith(part)
                        : s -> s.toLowerCase(Locale.ROOT).contains(part));
            }
            left = pattern.matcher(left).replaceAll(" ");
        }
        Matcher length = LENGTH.matcher(left);
        if (length.find()) {
            int n = Integer.parseInt(length.group("n"));
            tests.add(s -> s.strip().length() == n);
            left = length.replaceAll(" ");
        }
        // what is left must be the frame of the description, not a condition this cannot read ("that means happy")
        String frame = left.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ")
                .replaceAll("\\b(?:a|an|any|some|one|the|word|words|name|value|item|option|entry|thing|text|that|which|"
                        + "and|it|is|also|both)\\b", " ").strip();
        // one word more may name what it is ("a city starting with B")
        boolean framed = frame.isEmpty() || frame.split("\\s+").length == 1;
        return tests.isEmpty() || !framed ? Optional.empty() : Optional.of(new Description(spoken, tests));
    }

    boolean fits(String candidate) {
        return !candidate.isBlank() && tests.stream().allMatch(test -> test.test(candidate.strip()));
    }

    /** What to type first to make a field offer its suggestions: the start the description gives, if any. */
    Optional<String> start() {
        Matcher m = STARTS.matcher(spoken);
        return m.find() ? Optional.of(m.group("t")) : Optional.empty();
    }

    @Override
    public String toString() {
        return spoken;
    }
}
