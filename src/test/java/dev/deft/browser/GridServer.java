package dev.deft.browser;

import dev.deft.core.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Selenium Grid standalone server on loopback, in a second JVM with the selenium-grid jar from Maven Central
 * and this machine's Chromium and chromedriver, for the tests of {@code --grid URL}.
 */
public final class GridServer implements AutoCloseable {
    private final Process grid;
    private final URI address;
    private final Path log;

    private GridServer(Process grid, URI address, Path log) {
        this.grid = grid;
        this.address = address;
        this.log = log;
    }

    /** Starts a Grid that runs up to {@code sessions} browsers at once, and waits until it is ready. */
    public static GridServer start(int sessions) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            URI address = URI.create("http://127.0.0.1:" + port);
            Path log = Files.createTempFile("deft-grid", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            BrowserSettings local = DemoBrowser.settings();
            Process grid = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.openqa.selenium.grid.Main", "standalone", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--selenium-manager", "false", "--detect-drivers", "false", "--driver-configuration",
                    "display-name=chromium", "max-sessions=" + sessions,
                    "stereotype={\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":\"" + local.browser() + "\"}}",
                    "webdriver-executable=" + local.driver(), "--max-sessions", String.valueOf(sessions)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            GridServer server = new GridServer(grid, address, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Polling.system().until("the Selenium Grid at " + address + " to be ready (log: " + log + ")",
                Duration.ofSeconds(60), () -> {
                    if (!grid.isAlive()) {
                        throw new IllegalStateException("The Grid exited; see " + log);
                    }
                    try {
                        String status = http.send(HttpRequest.newBuilder(address.resolve("/status")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        return status.replace(" ", "").contains("\"ready\":true") ? Polling.Probe.ready(true)
                                : Polling.Probe.notYet("it is not ready yet");
                    } catch (IOException e) {
                        return Polling.Probe.notYet("it does not answer yet (" + e.getMessage() + ")");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }

    public URI address() {
        return address;
    }

    /** What the Grid wrote so far: it says each session it created. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        grid.destroy();
        grid.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> {
            grid.destroyForcibly();
            return grid;
        }).join();
    }
}
