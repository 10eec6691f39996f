package dev.deft.browser;

import dev.deft.core.DeftException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clicks and typing through a DevTools connection of Deft's own to the current tab's page, as the browser's own input
 * events at the point the check before acting hit-tested: a few WebSocket messages instead of WebDriver commands with
 * their waits. Where that cannot be (a Grid, a frame, an element out of view, a field whose text cannot be selected,
 * a connection that failed once in this browser) the caller acts through WebDriver.
 */
final class DevToolsInput {
    private static final Logger LOG = LoggerFactory.getLogger(DevToolsInput.class);

    private final PageScripts scripts;
    /** The connection to the current tab's page; null until needed. */
    private DevToolsPage connection;
    private WebDriver connectedTo;
    /** The browser whose connection failed or could not be made: WebDriver acts in it from then on. */
    private WebDriver refused;
    private int inputs;

    DevToolsInput(PageScripts scripts) {
        this.scripts = scripts;
    }

    /**
     * Clicks the element where its check found it; false where that cannot be (no connection, an element in a frame
     * or out of the viewport) and WebDriver is to click.
     */
    boolean click(WebDriver driver, ReadyElement ready) {
        Optional<DevToolsPage> page = ready.at().isPresent() ? connection(driver) : Optional.empty();
        if (page.isEmpty()) {
            return false;
        }
        try {
            page.get().click(ready.at().get().x(), ready.at().get().y());
            inputs++;
            return true;
        } catch (DevToolsPage.DevToolsFailure e) {
            drop("a click failed: " + e.getMessage());
            return false;
        }
    }

    /** Whether the field can be typed into this way: a text field of the top page, in view. */
    boolean mayType(WebDriver driver, ReadyElement ready) {
        String tag = ready.element().tag().toLowerCase(Locale.ROOT);
        String kind = ready.element().type().toLowerCase(Locale.ROOT);
        // the kinds of input whose text can be selected, so that typing replaces it (not email or number)
        boolean textField = tag.equals("textarea")
                || tag.equals("input") && List.of("", "text", "search", "url", "tel", "password").contains(kind);
        return textField && ready.at().isPresent() && connection(driver).isPresent();
    }

    /**
     * Types {@code text} into the field after focusing it (and selecting all it holds, to replace it). Where the field
     * will not keep the focus, or the connection fails before typing into a field to be replaced, WebDriver types it
     * (into the cleared field).
     */
    void type(WebDriver driver, ReadyElement ready, String text, boolean replace) {
        boolean focused = Boolean.TRUE.equals(scripts.call(driver, "focusField", ready.live(), replace));
        if (focused) {
            try {
                connection(driver).orElseThrow().type(text);
                inputs++;
                return;
            } catch (DevToolsPage.DevToolsFailure e) {
                drop("typing failed: " + e.getMessage());
                if (!replace) {
                    // what reached the field cannot be told from what it held: said, not typed twice
                    throw new DeftException("Typing into " + ready.element().describe() + " was cut off ("
                            + e.getMessage() + "); look at the field and type what is missing.");
                }
            }
        }
        if (replace) {
            ready.live().clear();
        }
        ready.live().sendKeys(text);
    }

    /** How many clicks and typings went this way rather than through WebDriver. */
    int inputs() {
        return inputs;
    }

    /** Closes the connection: another tab is current or the browser is gone; with {@code why}, it failed. */
    void drop(String why) {
        if (why != null) {
            LOG.info("Acting through WebDriver from now on in this browser: {}", why);
            refused = connectedTo;
        }
        if (connection != null) {
            connection.close();
        }
        connection = null;
        connectedTo = null;
    }

    /** The connection to the page of the window WebDriver is on, opened the first time it is needed. */
    private Optional<DevToolsPage> connection(WebDriver driver) {
        if (refused == driver) {
            return Optional.empty();
        }
        if (connection != null && connectedTo == driver) {
            return Optional.of(connection);
        }
        drop(null);
        Optional<DevToolsPage> opened = DevToolsPage.open(driver, driver.getWindowHandle());
        if (opened.isEmpty()) {
            refused = driver;
            return Optional.empty();
        }
        connection = opened.get();
        connectedTo = driver;
        return opened;
    }
}
