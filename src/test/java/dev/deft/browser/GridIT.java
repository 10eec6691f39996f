package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Guards;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --grid URL}: the same actions on a real Selenium Grid standalone server, started by this test on loopback
 * in a second JVM with the selenium-grid jar from Maven Central and this machine's chromedriver.
 */
class GridIT {
    private static GridServer grid;
    private static DemoServer server;

    @BeforeAll
    static void startGrid() {
        server = DemoServer.start();
        grid = GridServer.start(1);
    }

    @AfterAll
    static void stopGrid() {
        if (grid != null) {
            grid.close();
        }
        server.close();
    }

    @Test
    void sendsAMailThroughABrowserOnTheGrid() {
        BrowserSettings settings = DemoBrowser.settings().withGrid(grid.address());
        try (BrowserActuator actuator = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity())) {
            assertThat(actuator.perform(new Action.OpenUrl(server.url("mail/compose.html")), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
            actuator.perform(new Action.Type(Target.byLabel("To"), "carla@example.com"), Guards.admitAll());
            actuator.perform(new Action.Type(Target.byLabel("Subject"), "From the grid"), Guards.admitAll());
            actuator.perform(new Action.Type(Target.byLabel("Message"), "Sent by Deft on a Selenium Grid."), Guards.admitAll());
            Outcome sent = actuator.perform(new Action.Click(Target.byText("Send")), Guards.admitAll());

            assertThat(sent).isInstanceOf(Outcome.Done.class);
            assertThat(actuator.perform(new Action.WaitFor(new Condition.TextShown("Message sent to carla@example.com"),
                    Duration.ofSeconds(5)), Guards.admitAll())).isInstanceOf(Outcome.Done.class);
            assertThat(server.record().mails()).contains(
                    new DemoRecord.Mail("carla@example.com", "From the grid", "Sent by Deft on a Selenium Grid."));
        }
    }
}
