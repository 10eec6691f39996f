package dev.deft.desktop;

import dev.deft.core.Polling;
import dev.deft.core.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real X server a desktop test runs on (Xvfb from {@code xvfb-run}), with a window manager (openbox) started
 * once if none runs, and the applications a test starts, closed by their process ids when it ends. Applications
 * get a configuration folder of their own, so that a calculator's remembered mode never leaks between runs.
 */
final class TestDesktop implements AutoCloseable {
    /** Waits for what the screen should come to show, a short even pause between two looks. */
    static final Polling POLLING = Polling.every(Clock.systemUTC(), Duration.ofMillis(50));
    private static Process windowManager;

    final Path home;
    final List<String> stops = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> started = new ArrayList<>();
    private final List<DesktopActuator> actuators = new ArrayList<>();

    TestDesktop(Path temp) {
        requireDisplay();
        this.home = temp;
        ensureWindowManager();
    }

    static void requireDisplay() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IllegalStateException("Desktop tests need an X server: run them under "
                    + "xvfb-run -a -s \"-screen 0 1920x1080x24\" ./mvnw verify (./run-tests does).");
        }
    }

    /** The environment the applications of this test get: the real one, with configuration kept in the test's folder. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("NO_AT_BRIDGE", "1");
        return env;
    }

    DesktopActuator actuator() {
        return actuator(DesktopSettings.defaults());
    }

    DesktopActuator actuator(DesktopSettings settings) {
        DesktopActuator actuator = new DesktopActuator(settings, Secrets.NONE, stops::add, Clock.systemUTC(), env());
        actuators.add(actuator);
        return actuator;
    }

    /** Starts an application as the person would have, outside Deft, and waits for its window. */
    DesktopWindow start(String... command) {
        return start(Map.of(), command);
    }

    /** As {@link #start(String...)}, with more environment: {@code GDK_SCALE=2} draws a GTK application at 200 %. */
    DesktopWindow start(Map<String, String> moreEnv, String... command) {
        List<String> before = new X11Windows(Clock.systemUTC()).all().stream().map(DesktopWindow::id).toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env());
        builder.environment().putAll(moreEnv);
        try {
            started.add(builder.start().toHandle());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + String.join(" ", command) + "; is it installed? "
                    + "(scripts/setup.sh lists the packages the tests need)", e);
        }
        return POLLING.untilPresent("a window of " + command[0], Duration.ofSeconds(20),
                () -> newWindow(before), e -> "none showed");
    }

    private static Optional<DesktopWindow> newWindow(List<String> before) {
        List<DesktopWindow> now = new X11Windows(Clock.systemUTC()).all();
        return now.stream().filter(w -> !before.contains(w.id())).reduce((a, b) -> b);
    }

    /** Closes an application Deft launched, by the process id its window gives, or by the test's own handle. */
    void closeProcessOf(DesktopWindow window) {
        if (window.pid() > 0) {
            ProcessHandle.of(window.pid()).ifPresent(this::stop);
        }
    }

    /** Runs xdotool as a person's hand would act: {@code xdotool("mousemove", "0", "0")}. */
    static String xdotool(String... args) {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        return HostCommand.run(command);
    }

    static synchronized void ensureWindowManager() {
        if (windowManagerRuns()) {
            return;
        }
        try {
            // --replace: a window manager that is there but answers no one (one another test is closing) is taken
            // over rather than left to make openbox end with "another window manager is running"
            windowManager = new ProcessBuilder("openbox", "--replace").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("openbox is not installed; the desktop tests need a window manager", e);
        }
        Process wm = windowManager;
        Runtime.getRuntime().addShutdownHook(new Thread(wm::destroy));
        POLLING.untilPresent("openbox to manage the screen", Duration.ofSeconds(30),
                () -> windowManagerRuns() ? Optional.of(true) : Optional.empty(),
                e -> "wmctrl -m still finds none; openbox " + (wm.isAlive() ? "runs" : "ended with " + wm.exitValue()));
    }

    private static boolean windowManagerRuns() {
        try {
            HostCommand.run(List.of("wmctrl", "-m"));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void stop(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        actuators.forEach(actuator -> {
            actuator.launched().forEach(this::stop);
            actuator.close();
        });
        started.forEach(this::stop);
        started.clear();
    }

    /** Keeps what the screen showed at the end of a test in target/screenshots, for a person to look at. */
    static void screenshot(String name) {
        try {
            java.awt.Rectangle screen = new java.awt.Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            javax.imageio.ImageIO.write(new java.awt.Robot().createScreenCapture(screen), "png",
                    folder.resolve(name + ".png").toFile());
        } catch (Exception e) {
            // a screenshot is a courtesy; the test's own outcome stands
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(TestDesktop.class.getResource("/desktop/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
