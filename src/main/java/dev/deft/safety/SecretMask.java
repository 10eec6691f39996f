package dev.deft.safety;

import dev.deft.core.Require;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of anything that leaves Deft (a prompt, a log line): each value is replaced by its
 * placeholder {@code {{secret:NAME}}}, which is what planners write and what is filled in at the moment of acting.
 */
public final class SecretMask {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{secret:([A-Za-z0-9_.-]+)}}");
    /** Values shorter than this would mask ordinary words; they are refused rather than half-protected. */
    private static final int SHORTEST = 4;

    private final Map<String, String> valuesByName;

    public SecretMask(Map<String, String> valuesByName) {
        Map<String, String> copy = new LinkedHashMap<>();
        Require.nonNull(valuesByName, "valuesByName").forEach((name, value) -> {
            Require.nonBlank(name, "secret name");
            if (value == null || value.length() < SHORTEST) {
                throw new IllegalArgumentException("the secret " + name + " must be at least " + SHORTEST + " characters");
            }
            copy.put(name, value);
        });
        this.valuesByName = Map.copyOf(copy);
    }

    public static SecretMask none() {
        return new SecretMask(Map.of());
    }

    public static String placeholder(String name) {
        return "{{secret:" + name + "}}";
    }

    /** The names a planner may use in placeholders. */
    public Set<String> names() {
        return new TreeSet<>(valuesByName.keySet());
    }

    /** {@code text} with every secret value replaced by its placeholder, longest values first. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        List<Map.Entry<String, String>> longestFirst = valuesByName.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .toList();
        for (Map.Entry<String, String> secret : longestFirst) {
            masked = masked.replace(secret.getValue(), placeholder(secret.getKey()));
        }
        return masked;
    }

    /** The placeholder names in {@code text} that name no known secret. */
    public Set<String> unknownPlaceholders(String text) {
        Set<String> unknown = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!valuesByName.containsKey(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }
}
