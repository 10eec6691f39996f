package dev.deft.app;

import dev.deft.cli.DeftCli;
import dev.deft.core.DeftException;
import dev.deft.ui.DeftUi;
import dev.deft.ui.Hotkeys;
import dev.deft.ui.UiServices;
import java.time.Clock;
import java.util.Map;

/**
 * {@code deft} with no arguments: the desktop app wired from the real workspace (planners, browser, H2 journal,
 * vault, demo sites), config.json as its Settings, and JNativeHook's global hotkeys.
 */
public final class DesktopApp implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DesktopApp.class);
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
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && env.getOrDefault("DISPLAY", "").isBlank() && env.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            throw new DeftException.Configuration("The desktop app needs a display (DISPLAY is not set); "
                    + "run a request without one with: deft run \"REQUEST\"");
        }
        long start = System.nanoTime();
        DeftUi.prepare();
        DeftWorkspace workspace = DeftWorkspace.open(env, clock);
        long journal = System.nanoTime();
        Hotkeys hotkeys = NativeHotkeys.start();
        long hook = System.nanoTime();
        try {
            ConfigFile settings = new ConfigFile(DeftPaths.from(env).configFile(), workspace, new ModelCheck(env, clock));
            DeftUi ui = DeftUi.start(new UiServices(workspace::run, new WorkspaceSkillShelf(workspace),
                    workspace.journal(), settings, workspace::vault, hotkeys, new SetupChecks(env, settings), clock, env));
            LOG.info("Window up in {} ms (workspace and journal {} ms, hotkey hook {} ms, window {} ms)",
                    millis(start), (journal - start) / 1_000_000, (hook - journal) / 1_000_000, millis(hook));
            return new DesktopApp(workspace, hotkeys, ui);
        } catch (RuntimeException e) {
            hotkeys.close();
            workspace.close();
            throw e;
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Runs the app until the person quits it; the exit status of {@code deft}. */
    public static int run(Map<String, String> env, Clock clock) {
        try (DesktopApp app = open(env, clock)) {
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
