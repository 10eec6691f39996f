package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Guards;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Polling;
import dev.deft.core.RecordedStep;
import dev.deft.core.SkillBook;
import dev.deft.core.Target;
import dev.deft.skill.Skill;
import dev.deft.skill.SkillDrafts;
import dev.deft.skill.SkillLibrary;
import java.awt.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person adds 7 and 2 on galculator while Deft watches the whole desktop (JNativeHook): the clicks keep a picture
 * of the button and the typing is one step. Saved as a skill and replayed on a fresh galculator, it reads 9.
 */
class DesktopRecordIT {

    @TempDir
    Path temp;
    private TestDesktop desktop;

    @BeforeEach
    void start() {
        desktop = new TestDesktop(temp);
    }

    @AfterEach
    void stop() {
        TestDesktop.screenshot("DesktopRecordIT");
        desktop.close();
    }

    @Test
    void aRecordingOnTheCalculatorReplaysAsASkill() throws Exception {
        DesktopActuator deft = desktop.actuator();
        done(deft, new Action.Launch("galculator"));
        Point seven = deft.pointOf(Target.of(new Locator.ScreenText("7")));
        Point two = deft.pointOf(image("galculator-2.png"));
        Point equals = deft.pointOf(image("galculator-equals.png"));
        done(deft, new Action.Click(Target.of(new Locator.ScreenText("C"))));
        Path own = temp.resolve("skills");
        Path images = own.resolve("add-on-calculator.images");

        DesktopRecorder recorder = DesktopRecorder.start(Optional.of("galculator"));
        List<RecordedStep> steps;
        try {
            click(seven);
            displayComesToRead(deft, "7");
            TestDesktop.xdotool("type", "--delay", "60", "+");
            click(two);
            displayComesToRead(deft, "2");
            click(equals);
            displayComesToRead(deft, "9"); // 7 + 2, or the wait fails saying what the display read
            // each click is kept with its picture, taken as it is heard: all four are in before the recording stops
            TestDesktop.POLLING.until("the recorder to hear the three clicks and the +", Duration.ofSeconds(10),
                    () -> recorder.eventsSeen() >= 4 ? Polling.Probe.ready(true)
                            : Polling.Probe.notYet("it heard " + recorder.eventsSeen()));
        } finally {
            steps = recorder.stop(images, 0);
        }

        assertThat(steps).extracting(s -> s.action().kind()).containsExactly("launch", "click", "type", "click", "click");
        Action.Click first = (Action.Click) steps.get(1).action();
        assertThat(first.on().primary()).isInstanceOf(Locator.Image.class);
        assertThat(first.on().locators().get(first.on().locators().size() - 1)).isEqualTo(new Locator.Point(seven.x, seven.y));
        assertThat(((Action.Type) steps.get(2).action()).text()).isEqualTo("+");
        assertThat(images.resolve("click-1.png")).exists();

        Skill skill = SkillDrafts.fromRecording("add-on-calculator", "Add 7 and 2 on the calculator.",
                List.of("add seven and two on the calculator"), steps);
        SkillLibrary library = new SkillLibrary(Optional.empty(), own);
        library.save(skill);
        desktop.close();

        // a fresh galculator, the skill's steps as a replay runs them
        desktop = new TestDesktop(temp.resolve("again"));
        DesktopActuator replay = desktop.actuator();
        SkillBook.Prepared prepared = library.prepare("add-on-calculator", Map.of());
        for (Action action : prepared.steps()) {
            done(replay, action);
        }
        assertThat(display(replay)).matches("9\\.?");
        assertThat(Files.readString(own.resolve("add-on-calculator.json"))).contains("\"image\"").contains("click-1.png");
    }

    private static void click(Point at) {
        TestDesktop.xdotool("mousemove", "--sync", String.valueOf(at.x), String.valueOf(at.y));
        TestDesktop.xdotool("click", "1");
    }

    /** Waits until the display reads {@code number} (a trailing point allowed), as a person looks before going on. */
    private static void displayComesToRead(DesktopActuator deft, String number) {
        TestDesktop.POLLING.until("the display to read " + number, Duration.ofSeconds(10), () -> {
            String read = display(deft);
            return read.matches(java.util.regex.Pattern.quote(number) + "\\.?") ? Polling.Probe.ready(read)
                    : Polling.Probe.notYet("it reads \"" + read + "\"");
        });
    }

    private static String display(DesktopActuator deft) {
        Outcome read = done(deft, new Action.Extract(Optional.of(Target.of(new Locator.Region("galculator", 6, 32, 318, 52))),
                Action.Extract.What.TEXT));
        return ((Outcome.Done) read).value().orElse("").strip();
    }

    private static Outcome done(DesktopActuator deft, Action action) {
        Outcome outcome = deft.perform(action, Guards.admitAll());
        assertThat(outcome).as(action.describe() + ": " + outcome.detail()).isInstanceOf(Outcome.Done.class);
        return outcome;
    }

    private static Target image(String name) {
        return Target.of(new Locator.Image(TestDesktop.resource(name).toString(), 0.9, 0, 0));
    }

}
