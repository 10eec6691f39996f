package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private static Process grid;
    private static URI address;
    private static DemoServer server;
    private static Path log;

    @BeforeAll
    static void startGrid() throws IOException {
        server = DemoServer.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        address = URI.create("http://127.0.0.1:" + port);
        log = Files.createTempFile("deft-grid", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path driver = DemoBrowser.settings().driver();
        Path chromium = DemoBrowser.settings().browser();
        grid = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.openqa.selenium.grid.Main", "standalone", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--selenium-manager", "false", "--detect-drivers", "false", "--driver-configuration",
                "display-name=chromium", "max-sessions=1",
                "stereotype={\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":\"" + chromium + "\"}}",
                "webdriver-executable=" + driver))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Waiter.system().until("the Selenium Grid at " + address + " to be ready (log: " + log + ")",
                Duration.ofSeconds(60), () -> {
                    if (!grid.isAlive()) {
                        throw new IllegalStateException("The Grid exited; see " + log);
                    }
                    try {
                        String status = http.send(HttpRequest.newBuilder(address.resolve("/status")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        return status.replace(" ", "").contains("\"ready\":true") ? Waiter.Probe.ready(true)
                                : Waiter.Probe.notYet("it is not ready yet");
                    } catch (IOException e) {
                        return Waiter.Probe.notYet("it does not answer yet (" + e.getMessage() + ")");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }

    @AfterAll
    static void stopGrid() {
        if (grid != null) {
            grid.destroy();
            grid.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                grid.destroyForcibly();
                return grid;
            }).join();
        }
        server.close();
    }

    @Test
    void sendsAMailThroughABrowserOnTheGrid() {
        BrowserSettings settings = DemoBrowser.settings().withGrid(address);
        try (BrowserActuator actuator = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity())) {
            assertThat(actuator.perform(new Action.OpenUrl(server.url("mail/compose.html")))).isInstanceOf(Outcome.Done.class);
            actuator.perform(new Action.Type(Target.byLabel("To"), "carla@example.com"));
            actuator.perform(new Action.Type(Target.byLabel("Subject"), "From the grid"));
            actuator.perform(new Action.Type(Target.byLabel("Message"), "Sent by Deft on a Selenium Grid."));
            Outcome sent = actuator.perform(new Action.Click(Target.byText("Send")));

            assertThat(sent).isInstanceOf(Outcome.Done.class);
            assertThat(actuator.perform(new Action.WaitFor(new Condition.TextShown("Message sent to carla@example.com"),
                    Duration.ofSeconds(5)))).isInstanceOf(Outcome.Done.class);
            assertThat(server.record().mails()).contains(
                    new DemoRecord.Mail("carla@example.com", "From the grid", "Sent by Deft on a Selenium Grid."));
        }
    }
}
