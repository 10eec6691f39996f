package dev.deft.skill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the skill a request asks for by lining the request up with each skill's example phrasings: the example's
 * words must be found in the request in order (a word may be missing, misspelt by a letter, or come with a few
 * extra words around it), and each {@code {slot}} takes the words between. The best-aligned example wins; two
 * different skills aligned equally well are no match, so nothing is guessed.
 */
public final class SkillMatcher {
    /** The share of an example's own words a request must have. */
    private static final double ENOUGH_WORDS = 0.6;
    private static final double MISSING_WORD = 0.6;
    private static final double EXTRA_WORD = 0.35;
    private static final double FILLER_WORD = 0.05;
    private static final Set<String> FILLER = Set.of("please", "a", "an", "the", "can", "could", "you", "would", "for",
            "me", "my", "kindly", "just", "now", "then");
    private static final Pattern WORD = Pattern.compile("\\{[a-z][a-z0-9_]*}|[^\\s]+");

    /** A skill the request fits, the values its slots took, and how well it fits (the share of words found). */
    public record Match(Skill skill, String example, Map<String, String> values, double score) {
    }

    private SkillMatcher() {
    }

    public static Optional<Match> best(String request, List<Skill> skills) {
        List<Match> all = new ArrayList<>();
        for (Skill skill : skills) {
            for (String example : skill.examples()) {
                align(request, example, skill).ifPresent(all::add);
            }
        }
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Match top = all.get(0);
        boolean tie = all.stream().skip(1).anyMatch(m -> !m.skill().name().equals(top.skill().name())
                && Math.abs(m.score() - top.score()) < 1e-9);
        return tie ? Optional.empty() : Optional.of(top);
    }

    /** The request lined up with one example, if it fits well enough and every slot takes a value of its type. */
    static Optional<Match> align(String request, String example, Skill skill) {
        List<Token> want = tokens(example);
        List<Token> got = tokens(request.strip().replaceAll("[.!?]+$", ""));
        int m = want.size();
        int n = got.size();
        long literals = want.stream().filter(t -> !t.slot()).count();
        if (n == 0 || m == 0) {
            return Optional.empty();
        }
        // best[i][j]: the best score with i example tokens and j request words used; from[i][j] how it was reached
        double[][] best = new double[m + 1][n + 1];
        int[][] from = new int[m + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                double here = best[i][j];
                if (here == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (j < n && (i == m || !want.get(i).slot())) {
                    // a word of the request that is not in the example
                    relax(best, from, i, j + 1, here - (FILLER.contains(got.get(j).word()) ? FILLER_WORD : EXTRA_WORD), -1);
                }
                if (i < m && !want.get(i).slot()) {
                    relax(best, from, i + 1, j, here - MISSING_WORD, -2);
                    if (j < n && same(want.get(i).word(), got.get(j).word())) {
                        relax(best, from, i + 1, j + 1, here + 1, -3);
                    }
                }
                if (i < m && want.get(i).slot()) {
                    for (int k = j + 1; k <= n; k++) {
                        relax(best, from, i + 1, k, here, j);
                    }
                }
            }
        }
        if (best[m][n] == Double.NEGATIVE_INFINITY) {
            return Optional.empty();
        }
        // walk back to count the example's words found and read each slot's words
        Map<String, String> values = new LinkedHashMap<>();
        int found = 0;
        int i = m;
        int j = n;
        while (i > 0 || j > 0) {
            int how = from[i][j];
            if (how == -1) {
                j--;
            } else if (how == -2) {
                i--;
            } else if (how == -3) {
                found++;
                i--;
                j--;
            } else {
                String slot = want.get(i - 1).word();
                values.put(slot, clean(request, got.get(how).start(), got.get(j - 1).end()));
                i--;
                j = how;
            }
        }
        if (literals > 0 && (found < ENOUGH_WORDS * literals || found == 0)) {
            return Optional.empty();
        }
        Map<String, String> typed = new LinkedHashMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Optional<SkillParameter> parameter = skill.parameter(value.getKey());
            if (parameter.isEmpty()) {
                return Optional.empty();
            }
            try {
                parameter.get().accept(value.getValue());
            } catch (RuntimeException wrongType) {
                return Optional.empty();
            }
            typed.put(value.getKey(), value.getValue());
        }
        double score = (literals == 0 ? 0.5 : (double) found / literals) + best[m][n] / 1000.0;
        return Optional.of(new Match(skill, example, reversed(typed), score));
    }

    private static void relax(double[][] best, int[][] from, int i, int j, double score, int how) {
        if (score > best[i][j]) {
            best[i][j] = score;
            from[i][j] = how;
        }
    }

    private static Map<String, String> reversed(Map<String, String> backwards) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(backwards.entrySet());
        java.util.Collections.reverse(entries);
        Map<String, String> forwards = new LinkedHashMap<>();
        entries.forEach(e -> forwards.put(e.getKey(), e.getValue()));
        return forwards;
    }

    /** A slot's value as the person wrote it, without the quotes or the punctuation around it. */
    private static String clean(String request, int start, int end) {
        String value = request.substring(start, end).strip();
        value = value.replaceAll("^[\"'“‘«]+|[\"'”’»,;:]+$", "");
        return value.strip();
    }

    private static boolean same(String wanted, String given) {
        if (wanted.equals(given)) {
            return true;
        }
        String a = stem(wanted);
        String b = stem(given);
        return a.equals(b) || a.length() >= 5 && b.length() >= 5 && (oneEditApart(a, b) || swapped(a, b));
    }

    private static String stem(String word) {
        String w = word.replace("-", "");
        return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    /** Two neighbouring letters typed the wrong way round: "emial" for "email". */
    private static boolean swapped(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = 0;
        while (first < a.length() && a.charAt(first) == b.charAt(first)) {
            first++;
        }
        return first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (b.length() > a.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private record Token(String word, boolean slot, int start, int end) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String raw = m.group();
            if (raw.startsWith("{") && raw.endsWith("}")) {
                tokens.add(new Token(raw.substring(1, raw.length() - 1), true, m.start(), m.end()));
            } else {
                String word = raw.toLowerCase(Locale.ROOT).replaceAll("^[\\p{Punct}“”‘’«»]+|[\\p{Punct}“”‘’«»]+$", "");
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, false, m.start(), m.end()));
                }
            }
        }
        return tokens;
    }
}
