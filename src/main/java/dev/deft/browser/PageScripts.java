package dev.deft.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Calls into Deft's page library ({@code browser/deft.js}). Every call carries the library, which installs itself
 * once per page, so a navigation never leaves Deft without it.
 */
final class PageScripts {
    private static final String LIBRARY = load("browser/deft.js");

    Object call(WebDriver driver, String function, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(
                LIBRARY + "\nreturn window.__deftLib." + function + ".apply(null, arguments);", arguments);
    }

    /** Calls a library function that answers through a callback, such as the checks before acting. */
    Object callAsync(WebDriver driver, String function, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(LIBRARY + "\nconst args = Array.from(arguments);"
                + "\nwindow.__deftLib." + function + ".apply(null, args);", arguments);
    }

    private static String load(String resource) {
        try (InputStream in = PageScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath; the build is broken.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
