package dev.deft.plan;

import dev.deft.core.Mark;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A screenshot with each numbered element outlined and labelled with its number, so that a model that reads images
 * can name what it sees by the observation's numbers ("set-of-marks"). The digits are drawn from a small bitmap of
 * their own, so a machine without fonts draws them the same.
 */
final class SetOfMarks {
    private static final Color[] COLOURS = {new Color(0xE6194B), new Color(0x1B7F3A), new Color(0x4363D8),
            new Color(0xF58231), new Color(0x911EB4), new Color(0x008080), new Color(0x9A6324), new Color(0x800000)};
    /** Five columns by seven rows for each digit, one string a row, {@code #} where the digit is inked. */
    private static final String[][] DIGITS = {
            {" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "},
            {"  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "},
            {" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"},
            {"#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "},
            {"   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "},
            {"#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "},
            {"  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "},
            {"#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "},
            {" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "},
            {" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "}};

    private SetOfMarks() {
    }

    /**
     * Draws {@code marks} on a copy of {@code screenshot} and returns the copy, written beside it as
     * {@code NAME-marks.png}; the screenshot itself is left as it was.
     *
     * @throws UncheckedIOException when the screenshot cannot be read or the copy written
     */
    static Path draw(Path screenshot, List<Mark> marks) {
        try {
            BufferedImage read = ImageIO.read(screenshot.toFile());
            if (read == null) {
                throw new IOException("not an image: " + screenshot);
            }
            BufferedImage image = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.drawImage(read, 0, 0, null);
                int scale = Math.max(2, Math.round(image.getWidth() / 640f));
                for (int i = 0; i < marks.size(); i++) {
                    drawMark(g, marks.get(i), COLOURS[i % COLOURS.length], scale, image.getWidth(), image.getHeight());
                }
            } finally {
                g.dispose();
            }
            String name = screenshot.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path marked = screenshot.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-marks.png");
            Path partial = Files.createTempFile(screenshot.toAbsolutePath().getParent(), ".marks-", ".png");
            try {
                ImageIO.write(image, "png", partial.toFile());
                return Files.move(partial, marked, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the marks on " + screenshot + ": " + e.getMessage(), e);
        }
    }

    private static void drawMark(Graphics2D g, Mark mark, Color colour, int scale, int width, int height) {
        int x = (int) Math.round(mark.left() * width);
        int y = (int) Math.round(mark.top() * height);
        int w = Math.max(1, (int) Math.round(mark.width() * width));
        int h = Math.max(1, (int) Math.round(mark.height() * height));
        g.setColor(colour);
        g.setStroke(new BasicStroke(scale));
        g.drawRect(x, y, w, h);
        String label = Integer.toString(mark.number());
        int labelWidth = (label.length() * 6 + 1) * scale;
        int labelHeight = 9 * scale;
        // the label sits on the box's top edge, inside the image
        int lx = Math.min(Math.max(0, x), Math.max(0, width - labelWidth));
        int ly = y - labelHeight >= 0 ? y - labelHeight : Math.min(y, Math.max(0, height - labelHeight));
        g.fillRect(lx, ly, labelWidth, labelHeight);
        g.setColor(Color.WHITE);
        for (int c = 0; c < label.length(); c++) {
            drawDigit(g, label.charAt(c) - '0', lx + (1 + c * 6) * scale, ly + scale, scale);
        }
    }

    private static void drawDigit(Graphics2D g, int digit, int x, int y, int scale) {
        String[] rows = DIGITS[digit];
        for (int row = 0; row < rows.length; row++) {
            for (int col = 0; col < rows[row].length(); col++) {
                if (rows[row].charAt(col) == '#') {
                    g.fillRect(x + col * scale, y + row * scale, scale, scale);
                }
            }
        }
    }
}
