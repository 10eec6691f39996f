package dev.deft.bench;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Secrets;
import dev.deft.core.Target;
import dev.deft.desktop.DesktopActuator;
import dev.deft.desktop.DesktopSettings;
import dev.deft.desktop.PatternFinder;
import dev.deft.desktop.PatternSearch;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sikuli.basics.Settings;
import org.sikuli.script.Match;
import org.sikuli.script.Screen;

/**
 * One find of a pattern on a 1920x1080 screen: Deft's search (where it was last, then the focused window, then the
 * screen) against SikuliX's plain {@code Screen.find}, in the same run on the same screen; and OCR of a window.
 * Needs an X server of that size: {@code xvfb-run -a -s "-screen 0 1920x1080x24" bench/run DesktopFindBench}.
 * It starts openbox, galculator, xcalc and Mousepad, and closes them at the end.
 */
public final class DesktopFindBench {
    /** The check every step passes before acting, with Deft's own rules: part of what a step costs. */
    private static final dev.deft.core.ActGuard GUARD = dev.deft.core.ActGuard.unattended(new dev.deft.safety.RiskRules());

    private static final int RUNS = 20;
    private static final List<Process> started = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            started.forEach(p -> {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            });
        }
    }

    private static void run() throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("No DISPLAY: run under xvfb-run -a -s \"-screen 0 1920x1080x24\"");
        }
        start("openbox");
        waitFor(() -> sh("wmctrl", "-m").isPresent());
        start("xcalc");
        start("mousepad");
        start("galculator");
        waitFor(() -> sh("wmctrl", "-l").map(l -> l.contains("galculator") && l.contains("Mousepad") && l.contains("Calculator")).orElse(false));
        sh("wmctrl", "-a", "galculator");
        Path pattern = Path.of("src/test/resources/desktop/galculator-equals.png").toAbsolutePath();
        Target equals = Target.of(new Locator.Image(pattern.toString(), 0.9, 0, 0));
        DesktopActuator deft = new DesktopActuator(DesktopSettings.defaults(), Secrets.NONE, why -> { }, Clock.systemUTC(),
                System.getenv());
        Action find = new Action.WaitFor(new Condition.ElementShown(equals), Duration.ofSeconds(5));
        Settings.MoveMouseDelay = 0;
        Screen screen = new Screen();
        org.sikuli.script.Pattern sikuliPattern = new org.sikuli.script.Pattern(pattern.toString()).similar(0.9f);
        Rectangle bounds = screen.getBounds();
        System.out.printf(Locale.ROOT, "screen %dx%d, pattern %s%n", bounds.width, bounds.height, pattern.getFileName());

        // warm up both: OpenCV, SikuliX's screen, the JIT; the first Deft find also fills "where it was last"
        for (int i = 0; i < 3; i++) {
            require(deft.perform(find, GUARD));
            screen.find(sikuliPattern);
        }
        long[] deftFind = new long[RUNS];
        long[] sikuliFind = new long[RUNS];
        Match lastMatch = null;
        String lastDetail = "";
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            lastDetail = require(deft.perform(find, GUARD)).detail();
            deftFind[i] = System.nanoTime() - t;
            t = System.nanoTime();
            lastMatch = screen.find(sikuliPattern);
            sikuliFind[i] = System.nanoTime() - t;
        }
        System.out.println("Deft found: " + lastDetail);
        System.out.println("SikuliX found: " + lastMatch);

        // the same search by its parts, on one screenshot: capture, then each area Deft may search, OpenCV only
        BufferedImage shot = screen.capture().getImage();
        Mat gray = gray(shot);
        Mat tmpl = gray(ImageIO.read(pattern.toFile()));
        PatternFinder finder = new PatternFinder();
        PatternSearch onScreen = finder.find(gray, new Point(0, 0), tmpl, 0.9, List.of(1.0));
        Rectangle box = ((PatternSearch.Found) onScreen).match().box();
        Rectangle around = new Rectangle(box.x - box.width, box.y - box.height, box.width * 3, box.height * 3);
        Rectangle window = windowBounds("galculator");
        long[] capture = time(() -> screen.capture().getImage());
        long[] lastPlace = time(() -> finder.find(sub(gray, around), around.getLocation(), tmpl, 0.9, List.of(1.0)));
        long[] inWindow = time(() -> finder.find(sub(gray, window), window.getLocation(), tmpl, 0.9, List.of(1.0)));
        long[] wholeScreen = time(() -> finder.find(gray, new Point(0, 0), tmpl, 0.9, List.of(1.0)));
        Mat nowhere = new Mat(30, 40, CvType.CV_8UC1);
        org.opencv.core.Core.randu(nowhere, 0, 255);
        long[] allScalesScreen = timeN(5, () -> finder.find(gray, new Point(0, 0), nowhere, 0.9, PatternFinder.DISPLAY_RATIOS));

        System.out.println();
        System.out.println("| measure | median | p90 |");
        System.out.println("|---|---:|---:|");
        row("Deft, one find through the actuator (look: focused window + screenshot; search where it was last)", deftFind);
        row("SikuliX `Screen.find` (screenshot + whole-screen match)", sikuliFind);
        row("screenshot alone (SikuliX `Screen.capture`)", capture);
        row("match where it was last (3x the pattern's box), OpenCV only", lastPlace);
        row("match in the focused window (" + window.width + "x" + window.height + "), OpenCV only", inWindow);
        row("match on the whole screen, OpenCV only", wholeScreen);
        System.out.printf(Locale.ROOT, "%nratio Deft / SikuliX (medians): %.2f%n", median(deftFind) / median(sikuliFind));
        System.out.printf(Locale.ROOT, "a pattern that is nowhere, all %d display ratios on the whole screen: median %.0f ms%n",
                PatternFinder.DISPLAY_RATIOS.size(), median(allScalesScreen));

        // OCR: what observe() and "read the window" cost, per window
        System.out.println();
        System.out.println("| OCR of the focused window | size | median | p90 | words |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String title : List.of("galculator", "Calculator", "Mousepad")) {
            sh("wmctrl", "-a", title);
            Rectangle w = windowBounds(title);
            Action read = new Action.Extract(Optional.of(Target.of(new Locator.Focused())), Action.Extract.What.TEXT);
            require(deft.perform(read, GUARD));
            long[] ocr = timeN(5, () -> require(deft.perform(read, GUARD)));
            String text = ((Outcome.Done) require(deft.perform(read, GUARD))).value().orElse("");
            System.out.printf(Locale.ROOT, "| %s | %dx%d | %.0f ms | %.0f ms | %d |%n", title, w.width, w.height,
                    median(ocr), p90(ocr), text.isBlank() ? 0 : text.split("\\s+").length);
        }
        // the whole screen, as a wait for a text that may be in a menu past its window's edge reads it
        dev.deft.desktop.TextReader reader = new dev.deft.desktop.TextReader();
        Rectangle all = new Rectangle(0, 0, shot.getWidth(), shot.getHeight());
        BufferedImage now = screen.capture().getImage();
        long[] screenOcr = timeN(3, () -> reader.words(now, all));
        System.out.printf(Locale.ROOT, "%nOCR of the whole screen, block by block (3 windows): median %.0f ms, %d words%n",
                median(screenOcr), reader.words(now, all).size());
        deft.close();
    }

    private static Outcome require(Outcome outcome) {
        if (!(outcome instanceof Outcome.Done)) {
            throw new IllegalStateException(outcome.detail());
        }
        return outcome;
    }

    private static Mat gray(BufferedImage image) {
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(image, 0, 0, null);
        Mat mat = new Mat(g.getHeight(), g.getWidth(), CvType.CV_8UC1);
        mat.put(0, 0, ((DataBufferByte) g.getRaster().getDataBuffer()).getData());
        return mat;
    }

    private static Mat sub(Mat gray, Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(0, 0, gray.cols(), gray.rows()));
        return gray.submat(c.y, c.y + c.height, c.x, c.x + c.width);
    }

    private static Rectangle windowBounds(String title) {
        String id = sh("wmctrl", "-l").orElseThrow().lines().filter(l -> l.endsWith(title) || l.contains(" " + title))
                .findFirst().orElseThrow().split("\\s+")[0];
        String info = sh("xwininfo", "-id", id).orElseThrow();
        return new Rectangle(num(info, "Absolute upper-left X:"), num(info, "Absolute upper-left Y:"),
                num(info, "  Width:"), num(info, "  Height:"));
    }

    private static int num(String info, String label) {
        String line = info.lines().filter(l -> l.contains(label)).findFirst().orElseThrow();
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
    }

    private static long[] time(Runnable work) {
        return timeN(RUNS, work);
    }

    private static long[] timeN(int n, Runnable work) {
        work.run();
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            work.run();
            times[i] = System.nanoTime() - t;
        }
        return times;
    }

    private static void row(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n", what, median(nanos), p90(nanos));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p90(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6;
    }

    private static void start(String program) throws Exception {
        started.add(new ProcessBuilder(program).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the applications did not show within 20 s");
            }
            Thread.sleep(50);
        }
    }

    private static Optional<String> sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
