package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.AbstractActuatorContractTest;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared actuator contract on the desktop's actuator, and what the desktop adds to it. */
class DesktopActuatorContractIT extends AbstractActuatorContractTest {
    private TestDesktop desktop;

    @Override
    protected Actuator newActuator() {
        try {
            desktop = new TestDesktop(Files.createTempDirectory("deft-desktop-contract"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return desktop.actuator();
    }

    /** Reading the screen harms nothing. */
    @Override
    protected Action harmlessAction() {
        return new Action.Extract(Optional.of(Target.of(new Locator.Focused())), Action.Extract.What.TEXT);
    }

    @AfterEach
    void closeApplications() {
        desktop.close();
    }

    @Test
    void leavesWebPagesToTheBrowser() {
        for (Action foreign : List.<Action>of(new Action.OpenUrl("https://example.com"), new Action.Click(Target.byCss("#ok")),
                new Action.SwitchTab("2"))) {
            assertThat(actuator.handles(foreign)).as(foreign.describe()).isFalse();
            assertThat(actuator.perform(foreign, Guards.admitAll())).isInstanceOf(Outcome.Failed.class);
        }
    }

    @Test
    void readsTheFocusedWindowAndShowsItsPictureAndWords() {
        desktop.start("mousepad");

        Outcome outcome = actuator.perform(harmlessAction(), Guards.admitAll());

        assertThat(((Outcome.Done) outcome).value().orElse("")).contains("File").contains("Edit");
        DesktopObservation after = (DesktopObservation) actuator.observe();
        assertThat(after.render(2_000)).hasSizeLessThanOrEqualTo(2_000).contains("Mousepad").contains("File");
        assertThat(after.picture().getWidth()).isEqualTo(after.window().orElseThrow().bounds().width);
    }

    @Test
    void takesAModelsTextTargetAsScreenText() {
        desktop.start("mousepad");

        Outcome clicked = actuator.perform(new Action.Click(Target.byText("Document")), Guards.admitAll());

        assertThat(clicked).as(clicked.detail()).isInstanceOf(Outcome.Done.class);
        assertThat(clicked.detail()).contains("screen text \"Document\"");
        actuator.perform(new Action.PressKey("Escape"), Guards.admitAll());
    }

}
