package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Locator;
import dev.deft.core.Target;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether what a locator found is the thing a recorded target described. */
class TargetIdentityTest {
    private static final Target SAVE = Target.of(new Locator.Name("Save"), new Locator.Role("button", "Save"),
            new Locator.Css("#save-profile"));

    private static PageElement element(String role, String tag, String name) {
        return new PageElement(4, 4, role, tag, name, name, "", Optional.empty(), "", List.of(), "", List.of(), "", "",
                true, true, new PageElement.Box(0, 0, 80, 30), List.of(), 1, "", List.of());
    }

    @Test
    void theRecordedButtonUnderAnotherNameIsNotTheRecordedButton() {
        TargetIdentity identity = TargetIdentity.of(SAVE);

        assertThat(identity.otherName(element("button", "button", "Delete"), new Locator.Css("#save-profile")))
                .hasValueSatisfying(why -> assertThat(why).contains("\"Save\"").contains("button \"Delete\""));
        assertThat(identity.otherName(element("button", "button", "Save changes"), new Locator.Css("#save-profile")))
                .isEmpty();
    }

    @Test
    void aTextFieldIsNotTheButtonWhateverItIsCalled() {
        TargetIdentity identity = TargetIdentity.of(SAVE);

        assertThat(identity.otherKind(element("textbox", "input", "Save"), new Locator.Name("Save"))).isPresent();
        assertThat(identity.otherKind(element("link", "a", "Save"), new Locator.Name("Save"))).isEmpty();
        assertThat(identity.otherKind(element("textbox", "input", "Save"), new Locator.ElementNumber(4))).isEmpty();
    }

    @Test
    void spellingsOfOneNameAgree() {
        assertThat(TargetIdentity.alike("E-mail", "Email address")).isTrue();
        assertThat(TargetIdentity.alike("Job title", "Display name")).isFalse();
        assertThat(TargetIdentity.alike("Send", "Pay now")).isFalse();
    }

    @Test
    void aComboBoxIsBothAFieldAndAList() {
        TargetIdentity.Kind combo = TargetIdentity.Kind.of("combobox", "input", true);

        assertThat(combo.agreesWith(TargetIdentity.Kind.of("combobox", "select", true))).isTrue();
        assertThat(combo.agreesWith(TargetIdentity.Kind.of("textbox", "input", true))).isTrue();
        assertThat(TargetIdentity.Kind.of("button", "button", true)
                .agreesWith(TargetIdentity.Kind.of("heading", "h2", false))).isFalse();
    }
}
