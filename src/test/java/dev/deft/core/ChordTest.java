package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys as people write them: one name each, whichever name they use. */
class ChordTest {

    @Test
    void namesPeopleUseAreOneKey() {
        assertThat(Chord.parse("Control + Return").keys()).containsExactly("ctrl", "enter");
        assertThat(Chord.parse("cmd+shift+Esc").keys()).containsExactly("meta", "shift", "escape");
        assertThat(Chord.parse("Page_Down").keys()).containsExactly("pagedown");
        assertThat(Chord.parse("alt+F4").last()).isEqualTo("f4");
    }

    @Test
    void aPlusAfterAKeyIsTheSeparatorAndAfterThatTheKey() {
        Chord zoom = Chord.parse("ctrl++");

        assertThat(zoom.keys()).containsExactly("ctrl", "+");
        assertThat(zoom.modifiers()).isEqualTo(List.of("ctrl"));
    }

    @Test
    void anUnknownKeyOrNoKeyIsRefusedInOneLine() {
        assertThatThrownBy(() -> Chord.parse("ctrl+banana")).isInstanceOf(DeftException.class)
                .hasMessageStartingWith("Unknown key \"banana\" in \"ctrl+banana\"");
        assertThatThrownBy(() -> Chord.parse("  ")).isInstanceOf(DeftException.class).hasMessageStartingWith("No key");
    }
}
