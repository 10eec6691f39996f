package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.RiskClass;
import dev.deft.core.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The desktop's own actions under the same rules: launching runs a program, a drop target's words count. */
class DesktopActionRiskTest {
    private final RiskRules rules = new RiskRules();

    @ParameterizedTest(name = "launch {0} is {1}")
    @CsvSource({
            "calculator, SUBMIT",
            "mousepad /tmp/notes.txt, SUBMIT",
            "rm -rf /home/me/photos, DELETE",
            "/usr/bin/shred secrets.txt, DELETE",
            "sudo apt install thing, ACCOUNT",
            "pkexec gparted, ACCOUNT",
            "uninstall-helper, ACCOUNT",
            "bank-transfer-tool, PAY"})
    void launchingIsClassedByTheProgramAndItsWords(String commandLine, RiskClass expected) {
        assertThat(rules.classify(new Action.Launch(commandLine), Observation.NONE)).isEqualTo(expected);
    }

    @Test
    void draggingOntoTheTrashDeletes() {
        Action drag = new Action.Drag(Target.of(new Locator.ScreenText("report.pdf")), Target.of(new Locator.ScreenText("Trash")));

        assertThat(rules.classify(drag, Observation.NONE)).isEqualTo(RiskClass.DELETE);
        assertThat(ApprovalRequest.payloadOf(drag)).containsEntry("to", "screen text \"Trash\"");
    }

    @Test
    void focusingAWindowOnlyLooks() {
        assertThat(rules.classify(new Action.FocusWindow("Delete files"), Observation.NONE)).isEqualTo(RiskClass.READ);
        assertThat(rules.classify(new Action.Click(Target.of(new Locator.ScreenText("7"))), Observation.NONE))
                .isEqualTo(RiskClass.READ);
    }
}
