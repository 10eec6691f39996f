package dev.deft.desktop;

import dev.deft.core.Observation;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The desktop at one moment: the screen's size, the focused window (title, class, bounds, where the platform tells
 * them), the other windows' titles, and the words OCR read in the focused window (the whole screen when no window
 * has the focus) with their boxes, so that a planner can name a thing by its text.
 *
 * @param picture    the focused window as it looked (the screen when no window had the focus); not to be drawn on
 * @param readArea   where the words were read
 * @param textAround the OCR text at and around a target on this screenshot, for the risk policy; empty when the
 *                   target is not on it
 */
public record DesktopObservation(Dimension screen, Optional<DesktopWindow> window, List<String> otherWindows,
                                 String windowSupport, java.awt.image.BufferedImage picture, Rectangle readArea,
                                 List<ScreenWord> words,
                                 Function<Target, Optional<String>> textAround) implements Observation {

    public DesktopObservation {
        screen = new Dimension(screen);
        window = window == null ? Optional.empty() : window;
        otherWindows = List.copyOf(otherWindows);
        windowSupport = windowSupport == null ? "" : windowSupport;
        dev.deft.core.Require.nonNull(picture, "picture");
        readArea = new Rectangle(readArea);
        words = List.copyOf(words);
        textAround = textAround == null ? target -> Optional.empty() : textAround;
    }

    @Override
    public String surface() {
        return "desktop";
    }

    @Override
    public String location() {
        return window.map(DesktopWindow::title).orElse("");
    }

    @Override
    public String title() {
        return window.map(DesktopWindow::title).orElse("");
    }

    /** The text at and around the target, as OCR read it: what makes "Send", "Pay" or "Delete" raise the risk. */
    @Override
    public Optional<TargetFacts> factsAbout(Target target) {
        return textAround.apply(target).filter(text -> !text.isBlank())
                .map(text -> new TargetFacts("", text, "", "", "", false, List.of()));
    }

    /** The text of all the words read, one screen line a line. */
    public String text() {
        return String.join("\n", TextReader.lines(words).stream()
                .map(line -> String.join(" ", line.stream().map(ScreenWord::text).toList())).toList());
    }

    @Override
    public String render(int maxChars) {
        List<String> head = new ArrayList<>();
        head.add("Desktop " + screen.width + "x" + screen.height + ". Focused window: "
                + window.map(DesktopWindow::describe).orElse("none (" + windowSupport + ")") + ".");
        if (!otherWindows.isEmpty()) {
            head.add("Other windows: " + String.join(", ", otherWindows.stream().map(t -> '"' + t + '"').toList()) + ".");
        }
        head.add("Text read " + (window.isPresent() ? "in the window" : "on the screen")
                + " ([x,y] on the screen, then the words of one line):");
        List<String> lines = new ArrayList<>();
        for (List<ScreenWord> line : TextReader.lines(words)) {
            Rectangle first = line.get(0).box();
            lines.add("[" + first.x + "," + first.y + "] " + String.join(" ", line.stream().map(ScreenWord::text).toList()));
        }
        if (lines.isEmpty()) {
            lines.add("(no text)");
        }
        return bounded(head, lines, maxChars);
    }

    private static String bounded(List<String> head, List<String> lines, int maxChars) {
        StringBuilder out = new StringBuilder();
        for (String line : head) {
            if (out.length() + line.length() + 1 > maxChars) {
                return cut(out.toString() + line, maxChars);
            }
            out.append(line).append('\n');
        }
        for (int i = 0; i < lines.size(); i++) {
            String left = "(" + (lines.size() - i) + " more lines left out)";
            String line = lines.get(i);
            boolean last = i == lines.size() - 1;
            if (out.length() + line.length() + 1 + (last ? 0 : left.length() + 1) > maxChars) {
                String ending = out.length() + left.length() <= maxChars ? left : "";
                return cut(out + ending, maxChars);
            }
            out.append(line).append('\n');
        }
        return cut(out.toString().stripTrailing(), maxChars);
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 1)) + "…";
    }

    @Override
    public String toString() {
        return "DesktopObservation[" + window.map(DesktopWindow::describe).orElse("no window") + ", " + words.size() + " words]";
    }
}
