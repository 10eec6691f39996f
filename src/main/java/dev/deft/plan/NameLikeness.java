package dev.deft.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How alike two names are, as a person would judge: case, accents and punctuation do not count, plural and verb
 * endings do not count, common synonyms are the same word, and a typo costs a little.
 */
final class NameLikeness {
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("basket", "cart"), Map.entry("bag", "cart"), Map.entry("trolley", "cart"),
            Map.entry("e-mail", "email"), Map.entry("mail", "email"), Map.entry("login", "log in"),
            Map.entry("signin", "log in"), Map.entry("sign", "log"), Map.entry("logon", "log in"),
            Map.entry("signout", "log out"), Map.entry("logout", "log out"), Map.entry("checkout", "check out"),
            Map.entry("qty", "quantity"), Map.entry("amt", "amount"), Map.entry("pwd", "password"),
            Map.entry("passwd", "password"), Map.entry("username", "user"), Map.entry("delete", "remove"),
            Map.entry("purchase", "buy"), Map.entry("msg", "message"), Map.entry("colour", "color"),
            Map.entry("telephone", "phone"), Map.entry("mobile", "phone"), Map.entry("surname", "last name"),
            Map.entry("forename", "first name"), Map.entry("given", "first"), Map.entry("family", "last"),
            Map.entry("&", "and"));

    /** Articles, and "teh", a slip of "the" common enough to read as one. */
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "teh");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}@.&+-]+");
    private static final Pattern ABBREVIATION_DOTS = Pattern.compile("(?<=\\p{L})[.]+(?=\\s|$)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final int REMEMBERED = 16_384;
    /**
     * The words of the texts compared lately. A reading compares each of a page's names with several phrases, and
     * the same names again at the next step; normalising them, not comparing them, was most of a reading's time.
     */
    private static final Map<String, List<String>> SEEN = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private NameLikeness() {
    }

    /** Lower case, no accents, no punctuation, synonyms replaced, endings taken off: the words that count. */
    static List<String> words(String text) {
        String t = text == null ? "" : text;
        List<String> known = SEEN.get(t);
        if (known == null) {
            known = List.copyOf(normalised(t));
            SEEN.put(t, known);
        }
        return known;
    }

    private static List<String> normalised(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("e-mail", "email");
        plain = ABBREVIATION_DOTS.matcher(NOT_A_WORD.matcher(plain).replaceAll(" ")).replaceAll(" ");
        List<String> out = new ArrayList<>();
        for (String word : SPACES.split(plain.strip())) {
            if (word.isEmpty()) {
                continue;
            }
            String synonym = SYNONYMS.getOrDefault(word, word);
            for (String part : synonym.split(" ")) {
                out.add(stem(part));
            }
        }
        return out;
    }

    static String normal(String text) {
        return String.join(" ", words(text));
    }

    /** 1 for the same name, near 0 for unrelated ones. */
    static double similarity(String wanted, String candidate) {
        List<String> a = withoutArticles(words(wanted));
        List<String> b = withoutArticles(words(candidate));
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        String joinedA = String.join(" ", a);
        String joinedB = String.join(" ", b);
        if (joinedA.equals(joinedB)) {
            return 1;
        }
        // a number is no word to misspell: order 25986 is not order 25985
        double whole = numbersDiffer(a, b) ? 0
                : 1 - (double) distance(joinedA, joinedB) / Math.max(joinedA.length(), joinedB.length());
        int matched = matched(a, b);
        double covered = (double) matched / a.size();
        double extra = (double) Math.max(0, b.size() - matched) / b.size();
        // All the wanted words on a longer label ("Email" in "Email address") is a good match, less than exact.
        double byWords = covered * (1 - 0.35 * extra);
        return Math.max(whole * 0.95, byWords * 0.97);
    }

    /** "place the order" is "Place order": articles do not count, unless they are all there is. */
    private static List<String> withoutArticles(List<String> words) {
        List<String> kept = words.stream().filter(w -> !ARTICLES.contains(w)).toList();
        return kept.isEmpty() ? words : kept;
    }

    /** How many of the wanted words the candidate has, allowing one typo in a word of five letters or more. */
    private static int matched(List<String> wanted, List<String> candidate) {
        Set<String> left = new LinkedHashSet<>(candidate);
        int found = 0;
        for (String word : wanted) {
            String hit = null;
            for (String other : left) {
                if (other.equals(word) || word.length() >= 5 && other.length() >= 4 && typos(word, other, 1)
                        || word.length() >= 8 && typos(word, other, 2)) {
                    hit = other;
                    break;
                }
            }
            if (hit != null) {
                left.remove(hit);
                found++;
            }
        }
        return found;
    }

    /** Whether a wanted word with a digit in it is missing from the candidate's words. */
    private static boolean numbersDiffer(List<String> wanted, List<String> candidate) {
        return wanted.stream().anyMatch(w -> hasDigit(w) && !candidate.contains(w));
    }

    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }

    /**
     * Whether the words are at most {@code most} typos apart: never when their lengths differ by more, nor when they
     * hold digits (a number is read, not misspelt).
     */
    private static boolean typos(String a, String b, int most) {
        return Math.abs(a.length() - b.length()) <= most && !hasDigit(a) && !hasDigit(b) && distance(a, b) <= most;
    }

    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) return word.substring(0, word.length() - 3) + "y";
        if (word.length() > 5 && word.endsWith("ing")) return word.substring(0, word.length() - 3);
        if (word.length() > 4 && word.endsWith("ed") && !word.endsWith("eed")) return word.substring(0, word.length() - 2);
        if (word.length() > 4 && word.endsWith("es") && (word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * Edit distance where swapping two neighbouring letters ("serach") is one typo, as it is to a person. Only the
     * last three rows of the table are kept: a reading computes it for thousands of pairs.
     */
    static int distance(String a, String b) {
        int[] twoBack = new int[b.length() + 1];
        int[] oneBack = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) oneBack[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(oneBack[j] + 1, row[j - 1] + 1), oneBack[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    row[j] = Math.min(row[j], twoBack[j - 2] + 1);
                }
            }
            int[] spare = twoBack;
            twoBack = oneBack;
            oneBack = row;
            row = spare;
        }
        return oneBack[b.length()];
    }
}
