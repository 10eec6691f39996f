package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Stopped;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds a pattern (a grey crop of a screen) in a grey area of the screen with OpenCV's normalised correlation, at
 * the pattern's own size first and then at the other display scales, so that a pattern cut at 100 % is still found
 * on a screen at 125, 150 or 200 % and the other way round. A second place nearly as alike makes the search
 * ambiguous rather than a guess.
 */
public final class PatternFinder {

    /**
     * Sizes on the screen over sizes in the file worth trying: every ratio between the common display scales
     * 100, 125, 150, 175 and 200 %, the likeliest first.
     */
    public static final List<Double> DISPLAY_RATIOS = List.of(1.0, 1.25, 0.8, 1.5, 2.0 / 3, 2.0, 0.5, 1.2, 1.0 / 1.2,
            4.0 / 3, 0.75, 1.6, 0.625, 1.75, 1 / 1.75, 1.4, 1 / 1.4, 1.75 / 1.5, 1.5 / 1.75, 1.75 / 1.25, 1.25 / 1.75);

    /** How close a second place's score must come to the best one's for the search to be ambiguous. */
    static final double NEARLY_AS_ALIKE = 0.05;

    private static final int SMALLEST_SIDE = 4;

    public PatternFinder() {
        OpenCv.load();
    }

    /**
     * Searches {@code area} (whose top-left pixel is at {@code origin} on the screen) for {@code pattern}.
     *
     * @param ratios the sizes to try, in order: the first that finds it ends the search; after it, all the others
     *               are tried and the best one wins
     */
    public PatternSearch find(Mat area, Point origin, Mat pattern, double similarity, List<Double> ratios) {
        double best = -1;
        PatternSearch bestSearch = null;
        for (int i = 0; i < ratios.size(); i++) {
            Stopped.check("looking for a pattern");
            PatternSearch search = findAtRatio(area, origin, pattern, similarity, ratios.get(i));
            if (search == null) {
                continue;
            }
            boolean seen = !(search instanceof PatternSearch.Missing);
            if (i == 0 && seen) {
                return search;
            }
            if (search.bestScore() > best || bestSearch instanceof PatternSearch.Missing && seen) {
                best = search.bestScore();
                bestSearch = search;
            }
        }
        return bestSearch == null ? new PatternSearch.Missing(0) : bestSearch;
    }

    /** The search at one size, or null where the pattern at that size does not fit the area or is too small. */
    private static PatternSearch findAtRatio(Mat area, Point origin, Mat pattern, double similarity, double ratio) {
        int width = (int) Math.round(pattern.cols() * ratio);
        int height = (int) Math.round(pattern.rows() * ratio);
        if (width < SMALLEST_SIDE || height < SMALLEST_SIDE || width > area.cols() || height > area.rows()) {
            return null;
        }
        Mat sized = pattern;
        if (Math.abs(ratio - 1) > 1e-6) {
            sized = new Mat();
            Imgproc.resize(pattern, sized, new Size(width, height), 0, 0,
                    ratio < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        }
        Mat scores = new Mat();
        try {
            Imgproc.matchTemplate(area, sized, scores, Imgproc.TM_CCOEFF_NORMED);
            Core.patchNaNs(scores, 0);
            Core.MinMaxLocResult first = Core.minMaxLoc(scores);
            PatternMatch best = match(first, origin, width, height, ratio);
            if (first.maxVal < similarity) {
                return new PatternSearch.Missing(first.maxVal);
            }
            // blank out the best place (and all that overlaps it), then look for a second one nearly as alike
            int left = (int) Math.max(0, first.maxLoc.x - width + 1);
            int top = (int) Math.max(0, first.maxLoc.y - height + 1);
            int right = (int) Math.min(scores.cols(), first.maxLoc.x + width);
            int bottom = (int) Math.min(scores.rows(), first.maxLoc.y + height);
            scores.submat(top, bottom, left, right).setTo(new Scalar(-1));
            Core.MinMaxLocResult second = Core.minMaxLoc(scores);
            if (second.maxVal >= similarity && second.maxVal >= first.maxVal - NEARLY_AS_ALIKE) {
                return new PatternSearch.Ambiguous(best, match(second, origin, width, height, ratio));
            }
            return new PatternSearch.Found(best);
        } finally {
            scores.release();
            if (sized != pattern) {
                sized.release();
            }
        }
    }

    private static PatternMatch match(Core.MinMaxLocResult found, Point origin, int width, int height, double ratio) {
        return new PatternMatch(new Rectangle(origin.x + (int) found.maxLoc.x, origin.y + (int) found.maxLoc.y,
                width, height), found.maxVal, ratio);
    }

    /** Refuses a pattern with nothing in it to match: correlation cannot tell one flat patch from another. */
    static void requireDetail(Mat pattern, String name) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble deviation = new MatOfDouble();
        Core.meanStdDev(pattern, mean, deviation);
        if (deviation.toArray()[0] < 2) {
            throw new DeftException("The pattern " + name + " is one flat colour, so it matches anywhere or nowhere; "
                    + "cut it around something with detail (a label, an icon).");
        }
    }
}
