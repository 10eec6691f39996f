package dev.deft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.app.DesktopApp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real desktop app on the test's X display (Xvfb), wired as {@code deft} wires it, on a temporary home: the
 * H2 journal, the vault, config.json, the demo sites and headed Chromium. With the X helpers a test needs to act
 * as a person: there is no window manager, so a window is raised and given the keyboard with xdotool.
 */
final class DeftOnScreen implements AutoCloseable {
    final Path home;
    final Map<String, String> env;
    DesktopApp app;

    DeftOnScreen(Path home) {
        this(home, Map.of());
    }

    /** @param changed variables of the environment to set, on top of the test's own */
    DeftOnScreen(Path home, Map<String, String> changed) {
        this.home = home;
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DEFT_DATA_DIR", home.resolve("data").toString());
        env.put("DEFT_CONFIG", home.resolve("config.json").toString());
        env.put("OLLAMA_HOST", "127.0.0.1:1");
        env.put("DEFT_KEYRING", "off");
        env.put("DEFT_VAULT_PASSPHRASE", "test passphrase");
        env.remove("OPENAI_API_KEY");
        env.remove("ANTHROPIC_API_KEY");
        env.remove("GTK_THEME");
        env.putAll(changed);
        this.env = Map.copyOf(env);
    }

    DeftOnScreen open() {
        app = DesktopApp.open(env, Clock.systemUTC());
        return this;
    }

    DeftUi ui() {
        return app.ui();
    }

    /** Closes the app as Quit does, and opens it again on the same home. */
    void restart() {
        app.close();
        open();
    }

    /** What the demo sites' server says they did: orders, mails… */
    JsonNode demoRecord() throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                app.workspace().startDemo() + "api/record")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body);
    }

    /** Raises the visible window titled exactly {@code title} and gives it the keyboard. */
    static void focus(String title) {
        String id = xdotool("search", "--sync", "--onlyvisible", "--name", "^" + title + "$").lines().reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No visible window titled " + title));
        xdotool("windowraise", id);
        // not windowfocus --sync: it waits for a focus change that never comes when the window had the focus already
        xdotool("windowfocus", id);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!xdotool("getwindowfocus").strip().equals(id) && System.nanoTime() < until) {
            xdotool("windowfocus", id);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The name of the topmost visible window on the screen: xwininfo lists windows top first, and under a window
     * manager (openbox, which the desktop tests start) the named window sits inside its unnamed frame.
     */
    static String topWindow() {
        String tree = run("xwininfo", "-root", "-tree");
        java.util.Set<String> visible = java.util.Set.copyOf(
                xdotool("search", "--onlyvisible", "--name", ".").lines().map(String::strip).toList());
        java.util.regex.Pattern namedWindow = java.util.regex.Pattern.compile("^\\s+(0x[0-9a-f]+) \"(.*)\":");
        for (String line : tree.lines().toList()) {
            java.util.regex.Matcher named = namedWindow.matcher(line);
            if (named.find() && visible.contains(Long.toString(Long.decode(named.group(1))))) {
                return named.group(2);
            }
        }
        return "";
    }

    static String xdotool(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "xdotool";
        System.arraycopy(args, 0, command, 1, args.length);
        return run(command);
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed for the window tests (apt install xdotool x11-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The value of {@code read}, read on the JavaFX thread. */
    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Reading the window failed", e);
        }
    }

    /** Waits until {@code condition} holds on the JavaFX thread, saying what it waited for when it never does. */
    static void waitUntil(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s for " + what, e);
        }
    }

    /** A picture of the stage's scene, as a person sees it, in {@code folder} (the README's images). */
    static Path snapshot(Stage stage, Path folder, String name) {
        waitUntil("the thumbnails to load", 10, () -> stage.getScene().getRoot().lookupAll(".thumbnail").stream()
                .filter(javafx.scene.Node::isVisible)
                .map(t -> ((javafx.scene.control.Button) t).getGraphic())
                .map(g -> ((javafx.scene.image.ImageView) g).getImage())
                .allMatch(image -> image == null || image.getProgress() >= 1.0));
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ImageIO.write(picture, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Presses a button, or puts the keyboard in a field, as a click would. Not with the mouse: under a window manager
     * (the desktop tests leave openbox running on the display) the robot's idea of where a node is on the screen is
     * off by the frame, and a click lands elsewhere; the keyboard, given to the window with xdotool, is exact.
     */
    void press(String selector) {
        onFx(() -> {
            Node node = lookup(selector);
            if (node instanceof javafx.scene.control.ButtonBase button) {
                assertThat(button.isDisabled()).as(selector + " is enabled").isFalse();
                button.fire();
            } else {
                node.requestFocus();
            }
            return null;
        });
    }

    /** The node of the main window that {@code selector} finds, or null. */
    Node lookup(String selector) {
        return ui().mainStage().getScene().lookup(selector);
    }

    /** Every text a person can read in {@code node}: labels, buttons and fields. */
    static String texts(Node node) {
        StringBuilder all = new StringBuilder();
        collect(node, all);
        return all.toString();
    }

    private static void collect(Node node, StringBuilder all) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            all.append(labeled.getText()).append('\n');
        } else if (node instanceof TextInputControl input) {
            all.append(input.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, all));
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }
}
