package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.RiskClass;
import dev.deft.core.Target;
import dev.deft.safety.RiskRules;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesktopObservationTest {
    private static final DesktopWindow EDITOR = new DesktopWindow("0x1", "Untitled 1 - Mousepad", "mousepad.Mousepad", 42,
            new Rectangle(76, 517, 640, 480));

    private static DesktopObservation observation(List<ScreenWord> words, String around) {
        return new DesktopObservation(new Dimension(1920, 1080), Optional.of(EDITOR), List.of("galculator"), "X11",
                new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB), EDITOR.bounds(),
                words, target -> Optional.of(around));
    }

    @Test
    void rendersTheWindowAndTheTextLineByLineWithinTheBound() {
        List<ScreenWord> words = new ArrayList<>();
        for (int line = 0; line < 200; line++) {
            words.add(new ScreenWord("line" + line, new Rectangle(80, 540 + line * 20, 40, 14), 90));
            words.add(new ScreenWord("more", new Rectangle(130, 540 + line * 20, 40, 14), 90));
        }
        DesktopObservation seen = observation(words, "");

        String rendered = seen.render(600);

        assertThat(rendered).hasSizeLessThanOrEqualTo(600)
                .contains("Focused window: \"Untitled 1 - Mousepad\" (mousepad.Mousepad) at 76,517 640x480")
                .contains("Other windows: \"galculator\"").contains("[80,540] line0 more").containsPattern("\\(\\d+ more lines left out\\)");
        assertThat(seen.location()).isEqualTo("Untitled 1 - Mousepad");
        assertThat(seen.surface()).isEqualTo("desktop");
    }

    @Test
    void theWordsAroundATargetRaiseTheRiskOfAClickOnIt() {
        RiskRules rules = new RiskRules();
        Action click = new Action.Click(Target.of(new Locator.Point(300, 600)));

        assertThat(rules.classify(click, observation(List.of(), "Pay now"))).isEqualTo(RiskClass.PAY);
        assertThat(rules.classify(click, observation(List.of(), "Delete file"))).isEqualTo(RiskClass.DELETE);
        assertThat(rules.classify(click, observation(List.of(), "Send"))).isEqualTo(RiskClass.SEND);
        assertThat(rules.classify(click, observation(List.of(), "Transfer"))).isEqualTo(RiskClass.PAY);
        assertThat(rules.classify(click, observation(List.of(), "7"))).isEqualTo(RiskClass.READ);
    }
}
