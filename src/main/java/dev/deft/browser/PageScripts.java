package dev.deft.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Calls into Deft's page library: the parts in {@code browser/page/} (what they share, names, observing, acting,
 * reading, masking) joined here into one script with its version. Every call carries the library when the page
 * lacks it, and it installs itself once per page, so a navigation never leaves Deft without it.
 */
final class PageScripts {
    /** Counts the requests a page has in flight; registered for every new document where the browser allows it. */
    static final String NETWORK_WATCH = load("browser/network.js");
    /** The library's version, said here only: a page holding another version gets this one. */
    private static final int VERSION = 12;
    /** The library's parts, in the order they are joined: each uses what those before it define. */
    private static final List<String> PARTS = List.of("base", "names", "observe", "act", "read", "mask");
    /** What the library offers Deft. */
    private static final String EXPORTS = "observe, observeText, observeSettled, query, find, prepare, actionable, "
            + "focusField, readBack, pending, pageText, table, mainText, mask";
    private static final String LIBRARY = NETWORK_WATCH + "\nif (!window.__deftLib || window.__deftLib.version !== "
            + VERSION + ") {\nwindow.__deftLib = (function () {\n'use strict';\n"
            + PARTS.stream().map(part -> load("browser/page/" + part + ".js")).collect(Collectors.joining("\n"))
            + "\nreturn { version: " + VERSION + ", " + EXPORTS + " };\n})();\n}";

    /** Answer of a call made before the library is on the page; the call is then made again with it. */
    private static final String MISSING = "__deft_library_missing__";

    private boolean inFrame = true;

    /** Makes the top page the driver's context, sparing the round trip when it already is. */
    void toTop(WebDriver driver) {
        if (inFrame) {
            driver.switchTo().defaultContent();
            inFrame = false;
        }
    }

    /** Notes that the driver now works inside a frame (or may, after a failure), so the next {@link #toTop} switches. */
    void leftTop() {
        inFrame = true;
    }

    Object call(WebDriver driver, String function, Object... arguments) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Most calls find the library installed: send only the call, and the library when the page lacks it.
        Object answer = js.executeScript("if (!window.__deftLib || window.__deftLib.version !== " + VERSION
                + ") return '" + MISSING + "';\nreturn window.__deftLib." + function + ".apply(null, arguments);",
                arguments);
        if (!MISSING.equals(answer)) {
            return answer;
        }
        return js.executeScript(LIBRARY + "\nreturn window.__deftLib." + function + ".apply(null, arguments);", arguments);
    }

    /** Calls a library function that answers through a callback, such as the checks before acting. */
    Object callAsync(WebDriver driver, String function, Object... arguments) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Like call(): the library's 20 KB only when the page lacks it (the callback is the last argument).
        Object answer = js.executeAsyncScript("const args = Array.from(arguments);\n"
                + "if (!window.__deftLib || window.__deftLib.version !== " + VERSION + ") return args[args.length - 1]('"
                + MISSING + "');\nwindow.__deftLib." + function + ".apply(null, args);", arguments);
        if (!MISSING.equals(answer)) {
            return answer;
        }
        return js.executeAsyncScript(LIBRARY + "\nconst args = Array.from(arguments);"
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
