package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Polling;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A person's hands for recording tests: real X pointer and keyboard events through {@code xdotool}, aimed at the
 * screen position of an element of a visible browser window (read from the page, never clicked through it).
 */
final class RealInput {
    private RealInput() {
    }

    /** Moves the pointer to the middle of the element on the screen and clicks there. */
    static void clickOn(WebDriver page, String css) throws IOException, InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) ((JavascriptExecutor) page).executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + "const top = window.screenY + window.outerHeight - window.innerHeight;"
                        + "const left = window.screenX + (window.outerWidth - window.innerWidth) / 2;"
                        + "return {x: Math.round(left + r.left + r.width / 2), y: Math.round(top + r.top + r.height / 2)};",
                css);
        xdotool("mousemove", "--sync", String.valueOf(at.get("x")), String.valueOf(at.get("y")));
        xdotool("click", "1");
        Thread.sleep(200);
    }

    /** Clicks into a field and types, then waits until the field shows all of it, as a person looks before going on. */
    static void typeInto(WebDriver page, String css, String text) throws IOException, InterruptedException {
        clickOn(page, css);
        type(text);
        await(page, "return document.querySelector(" + quoted(css) + ").value === " + quoted(text));
    }

    /** {@code text} as a JavaScript string literal. */
    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static void type(String text) throws IOException, InterruptedException {
        xdotool("type", "--delay", "20", text);
    }

    static void key(String key) throws IOException, InterruptedException {
        xdotool("key", key);
    }

    /** Waits until {@code script} answers true in the page, up to ten seconds. */
    static void await(WebDriver page, String script) {
        Polling.system().until("the page to answer true to: " + script, Duration.ofSeconds(10), () ->
                Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(script))
                        ? Polling.Probe.ready(true) : Polling.Probe.notYet("it answers otherwise"));
    }

    private static void xdotool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("xdotool %s: %s", List.of(args), output).isZero();
    }
}
