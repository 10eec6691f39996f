package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Stopped;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.Word;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads words and their boxes off the screen with Tesseract through tess4j (not SikuliX's own OCR, which fails
 * against Tesseract 5). Screens are not pages: the crop is enlarged, made black on white, and the borders of
 * buttons and fields are taken out first, since Tesseract reads a label boxed in lines as noise.
 */
public final class TextReader {
    private static final List<String> DATA_DIRS = List.of("/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata",
            "/opt/homebrew/share/tessdata", "C:\\Program Files\\Tesseract-OCR\\tessdata");
    /** Words less sure than this are noise: the corner of an icon, a line read as "|". */
    private static final double LEAST_CONFIDENCE = 25;

    private Tesseract tesseract;

    public TextReader() {
        OpenCv.load();
    }

    /** Where Tesseract's English data is: {@code TESSDATA_PREFIX}, else the usual places. */
    static Optional<Path> dataPath() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        List<String> candidates = new ArrayList<>();
        if (prefix != null && !prefix.isBlank()) {
            candidates.add(prefix);
            candidates.add(Path.of(prefix, "tessdata").toString());
        }
        candidates.addAll(DATA_DIRS);
        return candidates.stream().map(Path::of).filter(dir -> Files.isRegularFile(dir.resolve("eng.traineddata")))
                .findFirst();
    }

    /**
     * The words in {@code area} of {@code screen}, in reading order, with boxes in the screen's coordinates. A large
     * area (a whole screen) is read block by block: each window, menu or dialog that stands out from the background
     * on its own, since one layout for a whole desktop reads nothing well.
     */
    public synchronized List<ScreenWord> words(BufferedImage screen, Rectangle area) {
        Rectangle crop = area.intersection(new Rectangle(0, 0, screen.getWidth(), screen.getHeight()));
        if (crop.isEmpty()) {
            return List.of();
        }
        if ((long) crop.width * crop.height > LARGE) {
            List<Rectangle> blocks = ContentBlocks.of(screen, crop);
            if (!(blocks.size() == 1 && blocks.get(0).equals(crop))) {
                List<ScreenWord> words = new ArrayList<>();
                for (Rectangle block : blocks) {
                    words.addAll(read(screen, block));
                }
                return inReadingOrder(words);
            }
        }
        return read(screen, crop);
    }

    /** Past this many pixels an area is read block by block. */
    private static final long LARGE = 1_200_000;

    private List<ScreenWord> read(BufferedImage screen, Rectangle crop) {
        Stopped.check("reading the screen");
        double enlarge = enlargement(crop);
        BufferedImage prepared = OpenCv.image(prepared(OpenCv.gray(screen.getSubimage(crop.x, crop.y, crop.width,
                crop.height)), enlarge));
        List<Word> read = engine().getWords(prepared, ITessAPI.TessPageIteratorLevel.RIL_WORD);
        List<ScreenWord> words = new ArrayList<>();
        for (Word word : read) {
            String text = word.getText() == null ? "" : word.getText().strip();
            if (text.isEmpty() || word.getConfidence() < LEAST_CONFIDENCE) {
                continue;
            }
            Rectangle box = word.getBoundingBox();
            words.add(new ScreenWord(text, new Rectangle(crop.x + (int) Math.floor(box.x / enlarge),
                    crop.y + (int) Math.floor(box.y / enlarge), (int) Math.ceil(box.width / enlarge),
                    (int) Math.ceil(box.height / enlarge)), word.getConfidence()));
        }
        return inReadingOrder(words);
    }

    /** The text in {@code area}, one line of the screen a line. */
    public String text(BufferedImage screen, Rectangle area) {
        return String.join("\n", lines(words(screen, area)).stream()
                .map(line -> String.join(" ", line.stream().map(ScreenWord::text).toList())).toList());
    }

    /** Words grouped into lines: a word joins a line when its middle lies within the line's first word's height. */
    static List<List<ScreenWord>> lines(List<ScreenWord> words) {
        List<List<ScreenWord>> lines = new ArrayList<>();
        for (ScreenWord word : inReadingOrder(words)) {
            List<ScreenWord> line = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (line != null && Math.abs(word.middleY() - line.get(0).middleY()) <= Math.max(4, line.get(0).box().height / 2)) {
                line.add(word);
            } else {
                lines.add(new ArrayList<>(List.of(word)));
            }
        }
        lines.forEach(line -> line.sort(Comparator.comparingInt(w -> w.box().x)));
        return lines;
    }

    private static List<ScreenWord> inReadingOrder(List<ScreenWord> words) {
        List<ScreenWord> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(ScreenWord::middleY).thenComparingInt(w -> w.box().x));
        List<ScreenWord> ordered = new ArrayList<>();
        // rows first (words whose middles are close), then left to right within a row
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i).middleY() - sorted.get(start).middleY()
                    > Math.max(4, sorted.get(start).box().height / 2)) {
                List<ScreenWord> row = new ArrayList<>(sorted.subList(start, i));
                row.sort(Comparator.comparingInt(w -> w.box().x));
                ordered.addAll(row);
                start = i;
            }
        }
        return ordered;
    }

    /** Small crops are enlarged more: Tesseract reads glyphs about 30 pixels high best, screens draw them at 10. */
    private static double enlargement(Rectangle crop) {
        long pixels = (long) crop.width * crop.height;
        return pixels <= 400_000 ? 3 : pixels <= 1_200_000 ? 2 : 1;
    }

    /** Enlarged, black on white, with long straight lines (borders of buttons, fields, tables) removed. */
    private static Mat prepared(Mat gray, double enlarge) {
        Mat big = new Mat();
        Imgproc.resize(gray, big, new Size(), enlarge, enlarge, Imgproc.INTER_CUBIC);
        Mat binary = new Mat();
        Imgproc.threshold(big, binary, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        if (Core.mean(binary).val[0] < 128) {
            Core.bitwise_not(binary, binary);
        }
        Mat ink = new Mat();
        Core.bitwise_not(binary, ink);
        int length = (int) Math.round(20 * enlarge);
        int thick = (int) Math.round(2 * enlarge) + 1;
        // a border is long and thin; the stem of a large digit is long too, but thick, and must stay
        Mat across = thinLines(ink, new Size(length, 1), new Size(length, thick));
        Mat down = thinLines(ink, new Size(1, length), new Size(thick, length));
        Mat lines = new Mat();
        Core.bitwise_or(across, down, lines);
        Imgproc.dilate(lines, lines, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        binary.setTo(new Scalar(255), lines);
        List.of(gray, big, ink, across, down, lines).forEach(m -> { if (m != gray) m.release(); });
        return binary;
    }

    /** What a long thin bar fits in but a thick one does not: the ink of borders, without the strokes of big glyphs. */
    private static Mat thinLines(Mat ink, Size thin, Size thickBar) {
        Mat fitsThin = new Mat();
        Mat fitsThick = new Mat();
        Imgproc.morphologyEx(ink, fitsThin, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, thin));
        Imgproc.morphologyEx(ink, fitsThick, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, thickBar));
        // where a thick bar fits, the stroke is thick: grow that a little so its thin edges go with it
        Imgproc.dilate(fitsThick, fitsThick, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        Core.subtract(fitsThin, fitsThick, fitsThin);
        fitsThick.release();
        return fitsThin;
    }

    private Tesseract engine() {
        if (tesseract == null) {
            Path data = dataPath().orElseThrow(() -> new DeftException.Configuration(
                    "Tesseract's English data (eng.traineddata) is not installed, so Deft cannot read the screen; "
                            + "install it (apt install tesseract-ocr) or set TESSDATA_PREFIX."));
            Tesseract engine = new Tesseract();
            engine.setDatapath(data.toString());
            engine.setLanguage("eng");
            engine.setPageSegMode(ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK);
            engine.setTessVariable("user_defined_dpi", "150");
            engine.setTessVariable("debug_file", "/dev/null");
            tesseract = engine;
        }
        return tesseract;
    }
}
