package dev.deft.ui;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deft's icon in the system tray, with Show, Pause (take over: the run waits for Resume) and Quit, where the desktop has a
 * tray. Where it has none, {@link #install} says why and the main window stays the way back in.
 */
final class SystemTrayIcon {
    private static final Logger LOG = LoggerFactory.getLogger(SystemTrayIcon.class);
    private final TrayIcon icon;

    private SystemTrayIcon(TrayIcon icon) {
        this.icon = icon;
    }

    /** The actions run on the JavaFX thread. Returns the icon, or why there is none. */
    static CompletableFuture<Result> install(Runnable show, Runnable pause, Runnable quit) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        if (GraphicsEnvironment.isHeadless()) {
            return CompletableFuture.completedFuture(new Result(Optional.empty(), "no display for a tray"));
        }
        EventQueue.invokeLater(() -> {
            try {
                if (!SystemTray.isSupported()) {
                    result.complete(new Result(Optional.empty(), "this desktop has no system tray"));
                    return;
                }
                PopupMenu menu = new PopupMenu();
                menu.add(item("Show Deft", show));
                menu.add(item("Pause (take over the browser)", pause));
                menu.addSeparator();
                menu.add(item("Quit Deft", quit));
                TrayIcon icon = new TrayIcon(Toolkit.getDefaultToolkit().getImage(AppIcon.resource(32)), "Deft", menu);
                icon.setImageAutoSize(true);
                icon.addActionListener(e -> Platform.runLater(show));
                SystemTray.getSystemTray().add(icon);
                result.complete(new Result(Optional.of(new SystemTrayIcon(icon)), ""));
            } catch (AWTException | RuntimeException e) {
                LOG.info("No tray icon: {}", e.toString());
                result.complete(new Result(Optional.empty(), "the tray refused the icon (" + e.getMessage() + ")"));
            }
        });
        return result;
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(e -> Platform.runLater(action));
        return item;
    }

    void remove() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    /** The icon, or why there is none. */
    record Result(Optional<SystemTrayIcon> icon, String whyNone) {
    }
}
