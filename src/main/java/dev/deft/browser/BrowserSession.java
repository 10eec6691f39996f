package dev.deft.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.UnreachableBrowserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser, started the first time something needs it, and started afresh after it crashed or was closed.
 * Owns the {@link WebDriver} and quits it once.
 */
final class BrowserSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);

    private final BrowserSettings settings;
    private final BrowserLauncher launcher;
    private WebDriver driver;
    private int started;

    BrowserSession(BrowserSettings settings, BrowserLauncher launcher) {
        this.settings = settings;
        this.launcher = launcher;
    }

    /** The browser, started now if it is not running yet. */
    synchronized WebDriver driver() {
        if (driver == null) {
            driver = launcher.start(settings);
            started++;
            LOG.info("Started browser session {} ({})", started, settings.grid().map(g -> "grid " + g)
                    .orElse(settings.browser().toString()));
        }
        return driver;
    }

    synchronized boolean isStarted() {
        return driver != null;
    }

    /** How many browsers this session has started, counting restarts after a crash. */
    synchronized int starts() {
        return started;
    }

    /**
     * Makes sure the driver points at a window that still exists: when the current tab was closed (by the page or a
     * person), the last one opened is taken.
     */
    synchronized void keepWindow() {
        if (driver == null) {
            return;
        }
        try {
            driver.getWindowHandle();
        } catch (NoSuchWindowException e) {
            List<String> handles = new ArrayList<>(driver.getWindowHandles());
            if (handles.isEmpty()) {
                throw e;
            }
            driver.switchTo().window(handles.get(handles.size() - 1));
        }
    }

    /** Forgets a browser that crashed or was closed, so that the next use starts a fresh one. */
    synchronized void discard() {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } catch (RuntimeException e) {
            LOG.debug("Quitting a browser that is already gone failed, as expected: {}", e.toString());
        }
        driver = null;
    }

    @Override
    public synchronized void close() {
        discard();
    }

    /** Whether an error means the browser itself is gone (crashed, killed, or its last window closed). */
    static boolean isGone(WebDriverException e) {
        if (e instanceof NoSuchSessionException || e instanceof UnreachableBrowserException) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("chrome not reachable") || message.contains("session deleted")
                || message.contains("invalid session id") || message.contains("disconnected:")
                || message.contains("target closed") || message.contains("connection refused")
                || message.contains("no such session") || message.contains("browser has closed");
    }
}
