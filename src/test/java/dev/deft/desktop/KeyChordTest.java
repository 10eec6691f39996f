package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import java.awt.event.KeyEvent;
import org.junit.jupiter.api.Test;

class KeyChordTest {
    @Test
    void readsChordsAsPeopleWriteThem() {
        assertThat(KeyChord.parse("ctrl+s").codes()).containsExactly(KeyEvent.VK_CONTROL, KeyEvent.VK_S);
        assertThat(KeyChord.parse("Ctrl+Shift+Tab").codes()).containsExactly(KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT, KeyEvent.VK_TAB);
        assertThat(KeyChord.parse("alt+F4").codes()).containsExactly(KeyEvent.VK_ALT, KeyEvent.VK_F4);
        assertThat(KeyChord.parse("Enter").codes()).containsExactly(KeyEvent.VK_ENTER);
        assertThat(KeyChord.parse("ctrl++").codes()).containsExactly(KeyEvent.VK_CONTROL, KeyEvent.VK_PLUS);
        assertThat(KeyChord.parse("page_down").codes()).containsExactly(KeyEvent.VK_PAGE_DOWN);
    }

    @Test
    void anUnknownKeyIsRefusedWithExamples() {
        assertThatThrownBy(() -> KeyChord.parse("ctrl+hyperdrive")).isInstanceOf(DeftException.class)
                .hasMessageContaining("Unknown key \"hyperdrive\"").hasMessageContaining("ctrl+s");
    }
}
