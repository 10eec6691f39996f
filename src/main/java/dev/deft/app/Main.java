package dev.deft.app;

import dev.deft.cli.DeftCli;
import dev.deft.cli.Terminal;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

/**
 * Starts Deft: sends the log to the data folder, then hands the command line to {@code deft}; {@code deft} alone
 * opens the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // AWT (the desktop surface, the tray) would load GTK 2, and JavaFX 21 cannot start in a process that holds it
        setIfAbsent("jdk.gtk.version", "3");
        Map<String, String> env = System.getenv();
        DeftPaths paths = DeftPaths.from(env);
        logToDataFolder(paths);
        Clock clock = Clock.systemUTC();
        if (args.length == 0) {
            DesktopApp.warmUp(env, clock);
        }
        int status = DeftCli.execute(args, Terminal.system(), () -> DeftWorkspace.open(env, clock), clock,
                new McpWiring(), () -> DesktopApp.run(env, clock));
        System.exit(status);
    }

    /** Must run before the first logger is made; a folder that cannot be used is reported later, by the command. */
    private static void logToDataFolder(DeftPaths paths) {
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        try {
            Files.createDirectories(paths.dataDir());
            setIfAbsent("org.slf4j.simpleLogger.logFile", paths.log().toString());
        } catch (Exception e) {
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
