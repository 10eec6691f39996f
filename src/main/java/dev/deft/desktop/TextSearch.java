package dev.deft.desktop;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a phrase among words read off the screen: consecutive words on one line whose text is alike enough. Short
 * phrases ("7", "OK") must match exactly (case aside), since one wrong letter makes another word of them.
 */
final class TextSearch {
    private TextSearch() {
    }

    /** A place where the phrase was read, and how alike (0 to 1). */
    record Hit(Rectangle box, String read, double score) {
    }

    /** What a search came to: the hits at the best score, and the closest thing read when there was none. */
    record Result(List<Hit> hits, Hit closest) {
        boolean found() {
            return !hits.isEmpty();
        }
    }

    static Result find(String phrase, List<ScreenWord> words) {
        String wanted = normalised(phrase);
        int count = Math.max(1, wanted.split(" ").length);
        double needed = wanted.length() <= 3 ? 1.0 : 0.8;
        List<Hit> hits = new ArrayList<>();
        Hit closest = null;
        for (List<ScreenWord> line : TextReader.lines(words)) {
            for (int start = 0; start < line.size(); start++) {
                for (int n = Math.max(1, count - 1); n <= count + 1 && start + n <= line.size(); n++) {
                    List<ScreenWord> run = line.subList(start, start + n);
                    String read = String.join(" ", run.stream().map(ScreenWord::text).toList());
                    double score = Similarity.of(normalised(read), wanted);
                    Hit hit = new Hit(union(run), read, score);
                    if (closest == null || score > closest.score()) {
                        closest = hit;
                    }
                    if (score >= needed) {
                        hits.add(hit);
                    }
                }
            }
        }
        double best = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        List<Hit> atBest = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.score() >= best - 1e-9 && atBest.stream().noneMatch(h -> h.box().intersects(hit.box()))) {
                atBest.add(hit);
            }
        }
        return new Result(atBest, closest);
    }

    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static Rectangle union(List<ScreenWord> words) {
        Rectangle box = words.get(0).box();
        for (ScreenWord word : words) {
            box = box.union(word.box());
        }
        return box;
    }
}
