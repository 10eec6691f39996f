package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * Patterns cut from real screenshots of galculator and xcalc (src/test/resources/desktop), found on those
 * screenshots as they are and scaled as a screen at another display scale would show them.
 */
class PatternFinderTest {
    private final PatternFinder finder = new PatternFinder();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "galculator-2.png, galculator-window.png, 87, 269",
            "galculator-equals.png, galculator-window.png, 266, 262",
            "xcalc-7.png, xcalc-window.png, 53, 278",
            "xcalc-plus.png, xcalc-window.png, 186, 338",
            "xcalc-equals.png, xcalc-window.png, 186, 368"})
    void findsEachButtonOnceWhereItWasCut(String pattern, String screen, int x, int y) {
        PatternSearch search = finder.find(gray(image(screen)), new Point(0, 0), gray(image(pattern)), 0.9,
                PatternFinder.DISPLAY_RATIOS);

        assertThat(search).isInstanceOf(PatternSearch.Found.class);
        PatternMatch match = ((PatternSearch.Found) search).match();
        assertThat(match.box().getLocation()).isEqualTo(new Point(x, y));
        assertThat(match.score()).isGreaterThan(0.97);
        assertThat(match.scale()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "cut at 100 %, shown at {0} %")
    @CsvSource({"125", "150", "175", "200"})
    void findsAPatternCutAtOneScaleOnAScreenAtAnother(int percent) {
        double ratio = percent / 100.0;
        BufferedImage screen = scaled(image("galculator-window.png"), ratio);

        PatternSearch search = finder.find(gray(screen), new Point(0, 0), gray(image("galculator-equals.png")), 0.8,
                PatternFinder.DISPLAY_RATIOS);

        assertThat(search).isInstanceOf(PatternSearch.Found.class);
        PatternMatch match = ((PatternSearch.Found) search).match();
        assertThat(match.scale()).isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.01));
        assertThat(match.centre().distance(new Point((int) ((266 + 59 / 2.0) * ratio), (int) ((262 + 75 / 2.0) * ratio))))
                .isLessThan(4 * ratio);
    }

    @Test
    void findsAPatternCutAt200PercentOnAScreenAt100Percent() {
        BufferedImage cutAtDouble = scaled(image("xcalc-plus.png"), 2.0);

        PatternSearch search = finder.find(gray(image("xcalc-window.png")), new Point(10, 20), gray(cutAtDouble), 0.8,
                PatternFinder.DISPLAY_RATIOS);

        assertThat(search).isInstanceOf(PatternSearch.Found.class);
        PatternMatch match = ((PatternSearch.Found) search).match();
        assertThat(match.scale()).isEqualTo(0.5);
        assertThat(match.box().getLocation()).isEqualTo(new Point(10 + 186, 20 + 338));
    }

    @Test
    void aPatternThatIsNotThereIsMissingWithTheBestScoreSeen() {
        PatternSearch search = finder.find(gray(image("galculator-window.png")), new Point(0, 0),
                gray(image("xcalc-7.png")), 0.9, PatternFinder.DISPLAY_RATIOS);

        assertThat(search).isInstanceOf(PatternSearch.Missing.class);
        assertThat(search.bestScore()).isGreaterThan(0).isLessThan(0.9);
    }

    @Test
    void aPatternShownTwiceIsAmbiguous() {
        BufferedImage window = image("xcalc-window.png");
        BufferedImage twoWindows = new BufferedImage(window.getWidth() * 2 + 30, window.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = twoWindows.createGraphics();
        g.drawImage(window, 0, 0, null);
        g.drawImage(window, window.getWidth() + 30, 0, null);
        g.dispose();

        PatternSearch search = finder.find(gray(twoWindows), new Point(0, 0), gray(image("xcalc-7.png")), 0.9,
                List.of(1.0));

        assertThat(search).isInstanceOf(PatternSearch.Ambiguous.class);
        PatternSearch.Ambiguous twice = (PatternSearch.Ambiguous) search;
        assertThat(List.of(twice.first().box().x, twice.second().box().x))
                .containsExactlyInAnyOrder(53, 53 + window.getWidth() + 30);
    }

    static BufferedImage image(String name) {
        try (InputStream in = PatternFinderTest.class.getResourceAsStream("/desktop/" + name)) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static BufferedImage scaled(BufferedImage image, double ratio) {
        int width = (int) Math.round(image.getWidth() * ratio);
        int height = (int) Math.round(image.getHeight() * ratio);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static Mat gray(BufferedImage image) {
        return OpenCv.gray(image);
    }
}
