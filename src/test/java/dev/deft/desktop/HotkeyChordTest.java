package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import dev.deft.core.DeftException;
import org.junit.jupiter.api.Test;

class HotkeyChordTest {

    @Test
    void ctrlAltSpaceMatchesEitherSidesModifiersAndNothingMore() {
        HotkeyChord chord = HotkeyChord.parse("Ctrl+Alt+Space");

        assertThat(chord.matches(NativeKeyEvent.VC_SPACE, NativeInputEvent.CTRL_L_MASK | NativeInputEvent.ALT_L_MASK)).isTrue();
        assertThat(chord.matches(NativeKeyEvent.VC_SPACE, NativeInputEvent.CTRL_R_MASK | NativeInputEvent.ALT_R_MASK
                | NativeInputEvent.NUM_LOCK_MASK)).isTrue();
        assertThat(chord.matches(NativeKeyEvent.VC_SPACE, NativeInputEvent.CTRL_L_MASK)).isFalse();
        assertThat(chord.matches(NativeKeyEvent.VC_SPACE, NativeInputEvent.CTRL_L_MASK | NativeInputEvent.ALT_L_MASK
                | NativeInputEvent.SHIFT_L_MASK)).isFalse();
        assertThat(chord.matches(NativeKeyEvent.VC_ENTER, NativeInputEvent.CTRL_L_MASK | NativeInputEvent.ALT_L_MASK)).isFalse();
    }

    @Test
    void namesKeysAsPeopleWriteThem() {
        assertThat(HotkeyChord.parse("ctrl+alt+esc").keyCode()).isEqualTo(NativeKeyEvent.VC_ESCAPE);
        assertThat(HotkeyChord.parse("super + shift + d").keyCode()).isEqualTo(NativeKeyEvent.VC_D);
        assertThat(HotkeyChord.parse("ctrl+F9").keyCode()).isEqualTo(NativeKeyEvent.VC_F9);
    }

    @Test
    void aChordWithoutAModifierOrWithAnUnknownKeyIsAOneLineError() {
        assertThatThrownBy(() -> HotkeyChord.parse("space")).isInstanceOf(DeftException.Configuration.class)
                .hasMessageContaining("like ctrl+alt+space");
        assertThatThrownBy(() -> HotkeyChord.parse("ctrl+banana")).isInstanceOf(DeftException.Configuration.class);
        assertThatThrownBy(() -> HotkeyChord.parse("ctrl+a+b")).isInstanceOf(DeftException.Configuration.class);
    }
}
