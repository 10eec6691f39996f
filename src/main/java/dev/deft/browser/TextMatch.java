package dev.deft.browser;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How well words a person gave match words on the page, from 0 (nothing alike) to 1 (the same, ignoring case,
 * spacing, accents and punctuation at the ends). Whole-phrase containment scores high; loose likeness lower.
 */
final class TextMatch {
    private TextMatch() {
    }

    static double score(String wanted, String candidate) {
        String q = normal(wanted);
        String c = normal(candidate);
        double plain = scoreNormal(q, c);
        if (!JOINED.matcher(q).find() && !JOINED.matcher(c).find()) {
            return plain;
        }
        // "E-mail" and "Email", "Sign-in" and "Sign in": one word written three ways
        return Math.max(plain, Math.max(scoreNormal(JOINED.matcher(q).replaceAll(""), JOINED.matcher(c).replaceAll("")),
                scoreNormal(JOINED.matcher(q).replaceAll(" "), JOINED.matcher(c).replaceAll(" "))));
    }

    /** A hyphen between two letters, as in "e-mail". */
    private static final java.util.regex.Pattern JOINED = java.util.regex.Pattern.compile("(?<=\\p{L})-(?=\\p{L})");

    private static double scoreNormal(String q, String c) {
        if (q.isEmpty() || c.isEmpty()) {
            return 0;
        }
        if (q.equals(c)) {
            return 1;
        }
        if (containsPhrase(c, q)) {
            // "Edit" in "Edit Ada Lovelace" and in "Edit Bob" are equally close: the other words are not the wanted
            // ones, and how many there are tells nothing. Only a long text that mentions it (a paragraph) is less so.
            // Below a name that is the phrase (which a locator weighs at 0.9), above the threshold.
            int extra = words(c) - words(q);
            return 0.85 - 0.05 * Math.min(1.0, Math.max(0, extra - 3) / 20.0);
        }
        if (containsPhrase(q, c) && c.length() >= 3) {
            return 0.6 + 0.2 * ((double) c.length() / q.length());
        }
        return 0.75 * Math.max(wordDice(q, c), bigramDice(q, c));
    }

    static String normal(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00a0]+", " ")
                .replaceAll("^[\\p{Punct}\\s…]+|[\\p{Punct}\\s…]+$", "").strip();
    }

    private static int words(String normal) {
        return normal.split(" ").length;
    }

    private static boolean containsPhrase(String text, String phrase) {
        int at = text.indexOf(phrase);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + phrase.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(phrase, at + 1);
        }
        return false;
    }

    private static double wordDice(String a, String b) {
        Set<String> x = new HashSet<>(Arrays.asList(a.split("[^\\p{L}\\p{N}]+")));
        Set<String> y = new HashSet<>(Arrays.asList(b.split("[^\\p{L}\\p{N}]+")));
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size());
    }

    private static double bigramDice(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size());
    }

    private static Set<String> bigrams(String s) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }
}
