package dev.deft.browser;

import dev.deft.core.RecordedStep;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A task shown to Deft's recorder by a person's hands, for tests in other packages: a visible Chromium opens on a
 * page, real X input events ({@code xdotool}) do the task, and the recorder's steps come back, as {@code deft record}
 * gets them.
 */
public final class Demonstration {
    private final WebDriver page;

    private Demonstration(WebDriver page) {
        this.page = page;
    }

    /** What a person does, step by step, in the recording browser. */
    @FunctionalInterface
    public interface Hands {
        void act(Demonstration person) throws Exception;
    }

    /** Records {@code hands} doing a task that starts at {@code url}, with the browser's profile under {@code home}. */
    public static List<RecordedStep> record(Path home, String url, Hands hands) throws Exception {
        BrowserSettings settings = BrowserSettings.defaults(System.getenv(), home).withHeadless(false).withIncognito();
        try (BrowserRecorder recorder = BrowserRecorder.start(settings, url)) {
            Demonstration person = new Demonstration(recorder.driver());
            person.await("return document.readyState === 'complete' && !!document.body");
            hands.act(person);
            return recorder.stop();
        }
    }

    /** Clicks the element {@code css} picks, where it shows on the screen. */
    public void click(String css) throws Exception {
        await("return !!document.querySelector(" + quoted(css) + ")");
        RealInput.clickOn(page, css);
    }

    /** Clicks into a field, selects what it holds and types {@code text} over it, then waits until it shows. */
    public void replace(String css, String text) throws Exception {
        click(css);
        RealInput.key("ctrl+a");
        RealInput.type(text);
        await("return document.querySelector(" + quoted(css) + ").value === " + quoted(text));
    }

    /** Waits until {@code script} answers true in the page, as a person looks before going on. */
    public void await(String script) throws InterruptedException {
        RealInput.await(page, script);
    }

    /** Waits until the page at the current address shows {@code text}. */
    public void awaitText(String text) throws InterruptedException {
        await("return document.body && document.body.innerText.includes(" + quoted(text) + ")");
    }

    String title() {
        return String.valueOf(((JavascriptExecutor) page).executeScript("return document.title"));
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
