package dev.deft.browser;

import dev.deft.core.Action;
import dev.deft.core.Guards;
import dev.deft.core.Outcome;
import dev.deft.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the browser tests share: the demo server and one headless, throw-away browser for a whole test class, with
 * screenshots in a temporary folder. Closed once, by the class that made it.
 */
final class DemoBrowser implements AutoCloseable {
    final DemoServer server;
    final BrowserActuator actuator;
    final Path screenshots;

    private DemoBrowser(DemoServer server, BrowserActuator actuator, Path screenshots) {
        this.server = server;
        this.actuator = actuator;
        this.screenshots = screenshots;
    }

    static DemoBrowser start() {
        return start(UnaryOperator.identity(), Duration.ofSeconds(4));
    }

    static DemoBrowser start(UnaryOperator<String> secrets, Duration actionTimeout) {
        try {
            Path screenshots = Files.createTempDirectory("deft-shots");
            DemoServer server = DemoServer.start();
            BrowserActuator actuator = new BrowserActuator(settings().withActionTimeout(actionTimeout),
                    Optional.of(screenshots), secrets);
            return new DemoBrowser(server, actuator, screenshots);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headless and incognito, with the browser and driver this machine has. */
    static BrowserSettings settings() {
        return BrowserSettings.defaults(System.getenv(), Path.of(System.getProperty("java.io.tmpdir")))
                .withHeadless(true).withIncognito();
    }

    /** Performs an action that must succeed, and returns its outcome. */
    Outcome.Done must(Action action) {
        Outcome outcome = actuator.perform(action, Guards.admitAll());
        if (!(outcome instanceof Outcome.Done done)) {
            throw new AssertionError(action.describe() + " did not succeed: " + outcome);
        }
        return done;
    }

    void open(String path) {
        must(new Action.OpenUrl(server.url(path)));
    }

    PageObservation page() {
        return (PageObservation) actuator.observe();
    }

    @Override
    public void close() {
        actuator.close();
        server.close();
    }

}
