package dev.deft.app;

import dev.deft.cli.DeftCli;
import dev.deft.core.DeftException;
import dev.deft.ui.DeftUi;
import dev.deft.ui.Hotkeys;
import dev.deft.ui.UiServices;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code deft} with no arguments: the desktop app wired from the real workspace (planners, browser, H2 journal,
 * vault, demo sites), config.json as its Settings, and JNativeHook's global hotkeys.
 */
public final class DesktopApp implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DesktopApp.class);
    /** Milliseconds after which a start quits once its window is up; for packaging/build's training start. */
    static final String QUIT_AFTER_SHOWN = "deft.quitAfterShownMs";
    private static CompletableFuture<DeftWorkspace> opening;
    private final DeftWorkspace workspace;
    private final Hotkeys hotkeys;
    private final DeftUi ui;

    private DesktopApp(DeftWorkspace workspace, Hotkeys hotkeys, DeftUi ui) {
        this.workspace = workspace;
        this.hotkeys = hotkeys;
        this.ui = ui;
    }

    /** Opens the app on the display {@code env} names and returns once its windows are up. */
    public static DesktopApp open(Map<String, String> env, Clock clock) {
        if (!hasDisplay(env)) {
            throw new DeftException.Configuration("The desktop app needs a display (DISPLAY is not set); "
                    + "run a request without one with: deft run \"REQUEST\"");
        }
        long start = System.nanoTime();
        DeftUi.prepare();
        DeftWorkspace workspace = workspace(env, clock);
        long journal = System.nanoTime();
        Hotkeys hotkeys = NativeHotkeys.start();
        long hook = System.nanoTime();
        try {
            ConfigFile settings = new ConfigFile(DeftPaths.from(env).configFile(), workspace, new ModelCheck(env, clock));
            DeftUi ui = DeftUi.start(new UiServices(workspace::run, new WorkspaceSkillShelf(workspace),
                    workspace.journal(), settings, workspace::vault, hotkeys, new SetupChecks(env, settings), clock, env));
            LOG.info("Window up in {} ms (workspace and journal {} ms, hotkey hook {} ms, window {} ms); {} ms since "
                            + "the process started", millis(start), (journal - start) / 1_000_000,
                    (hook - journal) / 1_000_000, millis(hook), sinceProcessStart());
            return new DesktopApp(workspace, hotkeys, ui);
        } catch (RuntimeException e) {
            hotkeys.close();
            workspace.close();
            throw e;
        }
    }

    /**
     * Starts the JavaFX toolkit and opens the workspace, each on a thread of its own, where there is a display, so
     * that both are under way while the command line is read; {@link #open} takes them up.
     */
    public static synchronized void warmUp(Map<String, String> env, Clock clock) {
        if (hasDisplay(env) && opening == null) {
            DeftUi.prepare();
            opening = CompletableFuture.supplyAsync(() -> DeftWorkspace.open(env, clock), runnable -> {
                Thread thread = new Thread(runnable, "deft-workspace-open");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /** The workspace {@link #warmUp} began to open, or a new one. */
    private static DeftWorkspace workspace(Map<String, String> env, Clock clock) {
        CompletableFuture<DeftWorkspace> early;
        synchronized (DesktopApp.class) {
            early = opening;
            opening = null;
        }
        if (early == null) {
            return DeftWorkspace.open(env, clock);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static boolean hasDisplay(Map<String, String> env) {
        return !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(started -> java.time.Duration.between(started, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Runs the app until the person quits it; the exit status of {@code deft}. */
    public static int run(Map<String, String> env, Clock clock) {
        try (DesktopApp app = open(env, clock)) {
            long quitAfter = Long.getLong(QUIT_AFTER_SHOWN, -1);
            if (quitAfter >= 0) {
                // a training start (packaging/build records the classes a start loads): up, idle a little, done
                Thread.sleep(quitAfter);
                return DeftCli.DONE;
            }
            app.ui.awaitQuit();
            return DeftCli.DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeftCli.DONE;
        }
    }

    public DeftUi ui() {
        return ui;
    }

    public DeftWorkspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        ui.close();
        hotkeys.close();
        workspace.close();
    }
}
