package dev.deft.desktop;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The parts of a screen that stand out from its background (the desktop's colour): windows, menus, dialogs, each a
 * rectangle, overlapping ones merged. Reading each on its own lets OCR pick the right size and layout for it.
 */
final class ContentBlocks {
    /** Grey levels within this of the background's are background. */
    private static final int TOLERANCE = 8;
    /** Gaps narrower than this do not split a block. */
    private static final int GAP = 24;
    private static final int SMALLEST = 12;

    private ContentBlocks() {
    }

    static List<Rectangle> of(BufferedImage screen, Rectangle area) {
        Mat gray = OpenCv.gray(screen.getSubimage(area.x, area.y, area.width, area.height));
        int background = commonestLevel(gray);
        Mat differs = new Mat();
        Core.absdiff(gray, new Scalar(background), differs);
        Imgproc.threshold(differs, differs, TOLERANCE, 255, Imgproc.THRESH_BINARY);
        Imgproc.dilate(differs, differs, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(GAP, GAP)));
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(differs, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        List<Rectangle> blocks = new ArrayList<>();
        for (MatOfPoint contour : contours) {
            org.opencv.core.Rect r = Imgproc.boundingRect(contour);
            if (r.width >= SMALLEST && r.height >= SMALLEST) {
                blocks.add(new Rectangle(area.x + r.x, area.y + r.y, r.width, r.height).intersection(area));
            }
        }
        gray.release();
        differs.release();
        return merged(blocks);
    }

    /** The grey level most pixels have. */
    private static int commonestLevel(Mat gray) {
        byte[] pixels = new byte[(int) gray.total()];
        gray.get(0, 0, pixels);
        int[] counts = new int[256];
        for (byte pixel : pixels) {
            counts[pixel & 0xff]++;
        }
        int best = 0;
        for (int level = 1; level < 256; level++) {
            if (counts[level] > counts[best]) {
                best = level;
            }
        }
        return best;
    }

    private static List<Rectangle> merged(List<Rectangle> blocks) {
        List<Rectangle> merged = new ArrayList<>(blocks);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    if (merged.get(i).intersects(merged.get(j))) {
                        merged.set(i, merged.get(i).union(merged.get(j)));
                        merged.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return merged;
    }
}
