package dev.deft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's first look: {@code deft} started as the README says, in a process of its own (only the first window of a
 * process showed the fault), under a window manager (openbox), opens its main window at the size it is made for,
 * not at its minimum. The whole screen is kept as {@code main-window-openbox.png} with the README's pictures.
 */
class MainWindowSizeIT {
    private static final Pattern GEOMETRY = Pattern.compile("Geometry: (\\d+)x(\\d+)");

    @TempDir
    Path home;

    @Test
    void theMainWindowOpensAtItsSizeUnderAWindowManager() throws Exception {
        assertThat(Path.of("target", "deft.jar")).as("mvn package ran before this test").exists();
        Process windowManager = startWindowManagerIfNone();
        Process deft = null;
        try {
            deft = startDeft();
            String settled = settledGeometry(deft);

            assertThat(settled).as("the main window's size, inside the window manager's frame").isEqualTo("1180x820");
            keepScreen(DesktopAppIT.IMAGES.resolve("main-window-openbox.png"));
        } finally {
            if (deft != null) {
                stop(deft.toHandle());
            }
            if (windowManager != null) {
                stop(windowManager.toHandle());
            }
        }
    }

    private Process startDeft() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "deft.jar").toAbsolutePath().toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("out.txt").toFile());
        builder.environment().put("DEFT_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("DEFT_CONFIG", home.resolve("config.json").toString());
        builder.environment().put("OLLAMA_HOST", "127.0.0.1:1");
        builder.environment().put("DEFT_KEYRING", "off");
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("ANTHROPIC_API_KEY");
        builder.environment().remove("GTK_THEME");
        return builder.start();
    }

    /**
     * The size of Deft's main window once it has stopped changing for a second: the window manager and the toolkit
     * resize a new window a few times in its first tenths of a second, and what a person sees is where it ends.
     */
    private String settledGeometry(Process deft) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        long since = System.nanoTime();
        while (System.nanoTime() < until) {
            assertThat(deft.isAlive()).as("deft is running; it said: " + output()).isTrue();
            String now = mainWindow().map(MainWindowSizeIT::geometry).orElse("");
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            } else if (!now.isEmpty() && System.nanoTime() - since >= TimeUnit.SECONDS.toNanos(1)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Waited 90 s for Deft's main window to show and keep one size; last seen: "
                + (last.isEmpty() ? "no visible window titled " + MainWindow.TITLE : last));
    }

    private String output() {
        try {
            return Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static Optional<String> mainWindow() {
        return DeftOnScreen.xdotool("search", "--onlyvisible", "--name", "^" + MainWindow.TITLE + "$").lines()
                .map(String::strip).filter(line -> line.matches("\\d+")).reduce((a, b) -> b);
    }

    private static String geometry(String window) {
        Matcher size = GEOMETRY.matcher(DeftOnScreen.xdotool("getwindowgeometry", window));
        return size.find() ? size.group(1) + "x" + size.group(2) : "";
    }

    /** Starts openbox where no window manager runs yet; null where one does (it is left as it is). */
    private static Process startWindowManagerIfNone() throws Exception {
        if (windowManagerRuns()) {
            return null;
        }
        Process openbox;
        try {
            openbox = new ProcessBuilder("openbox").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("openbox is needed for this test (apt install openbox)", e);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!windowManagerRuns()) {
            if (System.nanoTime() > until || !openbox.isAlive()) {
                stop(openbox.toHandle());
                throw new AssertionError("Waited 30 s for openbox to manage the screen; wmctrl -m still finds none");
            }
            Thread.sleep(50);
        }
        return openbox;
    }

    private static boolean windowManagerRuns() throws Exception {
        try {
            Process wmctrl = new ProcessBuilder("wmctrl", "-m").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return wmctrl.waitFor(10, TimeUnit.SECONDS) && wmctrl.exitValue() == 0;
        } catch (IOException e) {
            throw new AssertionError("wmctrl is needed for this test (apt install wmctrl)", e);
        }
    }

    private static void stop(ProcessHandle process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void keepScreen(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", file.toFile());
    }
}
