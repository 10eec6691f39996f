package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** Keys as a person writes them become what WebDriver sends. */
class KeyChordTest {

    @Test
    void namedKeysAndChordsAreUnderstood() {
        assertThat(KeyChord.parse("Enter").toString()).isEqualTo(Keys.ENTER.toString());
        assertThat(KeyChord.parse("ctrl+a").toString()).isEqualTo(Keys.chord(Keys.CONTROL, "a"));
        assertThat(KeyChord.parse("Shift + Tab").toString()).isEqualTo(Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNamesThatWork() {
        assertThatThrownBy(() -> KeyChord.parse("ctrl+banana")).isInstanceOf(DeftException.class)
                .hasMessageContaining("Unknown key \"banana\"").hasMessageContaining("Enter, Tab, Escape");
    }
}
