package dev.deft.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.Action;
import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.Polling;
import dev.deft.core.Locator;
import dev.deft.core.RecordedStep;
import dev.deft.core.Require;
import dev.deft.core.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.script.ChannelValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a person do a task in a visible browser and turns what they did into steps: a script registered for every
 * new document (a WebDriver BiDi preload script) pushes each click, keystroke that submits, choice and page load to
 * Java over a BiDi channel as it happens, so nothing is lost when a page navigates away.
 */
public final class BrowserRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "deft-recorder";
    /** A page that loads this soon after a click or Enter was loaded by it, not typed in by the person. */
    private static final long CAUSED_WITHIN_MILLIS = 4000;
    private static final java.time.Duration QUIET = java.time.Duration.ofMillis(400);
    private static final java.time.Duration QUIET_AT_MOST = java.time.Duration.ofSeconds(3);

    private final WebDriver driver;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private BrowserRecorder(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens a visible browser on {@code startUrl} and starts watching. */
    public static BrowserRecorder start(BrowserSettings settings, String startUrl) {
        WebDriver driver = new BrowserLauncher().startWatched(Require.nonNull(settings, "settings"));
        BrowserRecorder recorder = new BrowserRecorder(driver);
        try {
            Script script = new Script(driver);
            script.onMessage(message -> {
                if (CHANNEL.equals(message.getChannel())) {
                    message.getData().getValue().ifPresent(value -> recorder.take(String.valueOf(value)));
                }
            });
            script.addPreloadScript(recorderScript(), List.of(new ChannelValue(CHANNEL)));
            driver.get(startUrl);
            return recorder;
        } catch (WebDriverException e) {
            recorder.close();
            throw new DeftException.Configuration("The browser could not be watched for a recording ("
                    + Brief.firstLine(e.getMessage()) + "); it needs a Chromium with WebDriver BiDi.", e);
        }
    }

    private void take(String json) {
        try {
            events.add(JSON.readTree(json));
        } catch (IOException e) {
            LOG.debug("Dropped a recorder message that is not JSON: {}", json);
        }
    }

    /** The watched browser, for tests that need to know where things are on the screen. */
    WebDriver driver() {
        return driver;
    }

    /** Whether the person closed the browser window, which ends a recording as well. */
    public boolean browserClosed() {
        try {
            return driver.getWindowHandles().isEmpty();
        } catch (WebDriverException e) {
            return true;
        }
    }

    /** How many things the person did so far. */
    public int eventsSeen() {
        return events.size();
    }

    /**
     * Stops watching and returns the steps, typing merged into one step per field. Messages can arrive a little
     * late and out of order: the recorder waits until none has come for a moment, and puts them in the order the
     * page sent them.
     */
    public List<RecordedStep> stop() {
        Polling polling = Polling.system();
        int[] seen = {events.size()};
        long[] quietSince = {polling.clock().millis()};
        try {
            polling.until("the page's last messages", QUIET_AT_MOST, () -> {
                long now = polling.clock().millis();
                if (events.size() != seen[0]) {
                    seen[0] = events.size();
                    quietSince[0] = now;
                }
                return now - quietSince[0] >= QUIET.toMillis() ? Polling.Probe.ready(true)
                        : Polling.Probe.notYet("messages still come");
            });
        } catch (DeftException.Retriable stillComing) {
            LOG.debug("The page was still sending after {}; keeping what came", QUIET_AT_MOST);
        }
        List<JsonNode> inOrder = new ArrayList<>(events);
        inOrder.sort(java.util.Comparator.comparingLong((JsonNode e) -> e.path("at").asLong())
                .thenComparingLong(e -> e.path("seq").asLong()));
        List<RecordedStep> steps = steps(inOrder);
        close();
        return steps;
    }

    /** The person's events as steps; package-visible for tests of the merging rules. */
    static List<RecordedStep> steps(List<JsonNode> events) {
        List<RecordedStep> steps = new ArrayList<>();
        long lastCause = Long.MIN_VALUE;
        JsonNode typing = null;
        for (JsonNode e : events) {
            String kind = e.path("kind").asText();
            if (typing != null && !(kind.equals("input") && e.path("id").asInt() == typing.path("id").asInt()
                    && e.path("url").asText().equals(typing.path("url").asText()))) {
                steps.add(typed(typing));
                typing = null;
            }
            switch (kind) {
                case "load" -> {
                    if (steps.isEmpty() || e.path("at").asLong() - lastCause > CAUSED_WITHIN_MILLIS) {
                        steps.add(new RecordedStep(new Action.OpenUrl(e.path("url").asText()), "", false));
                    }
                }
                case "click" -> {
                    String role = e.path("target").path("role").asText();
                    boolean onlyFocus = e.path("field").asBoolean() || role.equals("checkbox") || role.equals("radio");
                    if (e.path("toggle").asBoolean()) {
                        // a switch or box drawn with ARIA: its click is the choice (it fires no change)
                        target(e.path("target")).ifPresent(t -> steps.add(new RecordedStep(
                                new Action.SetChecked(t, e.path("checked").asBoolean()), "", false)));
                    } else if (!onlyFocus) {
                        target(e.path("target")).ifPresent(t -> steps.add(new RecordedStep(new Action.Click(t), "", false)));
                        lastCause = e.path("at").asLong();
                    }
                }
                case "input" -> typing = e;
                case "select" -> target(e.path("target")).ifPresent(t -> steps.add(new RecordedStep(
                        new Action.Select(t, e.path("value").asText()), label(e.path("target")), false)));
                case "check" -> target(e.path("target")).ifPresent(t -> steps.add(new RecordedStep(
                        new Action.SetChecked(t, e.path("checked").asBoolean()), "", false)));
                case "key" -> {
                    Optional<Target> in = e.has("target") ? target(e.path("target")) : Optional.empty();
                    steps.add(new RecordedStep(new Action.PressKey(in, e.path("key").asText()), "", false));
                    lastCause = e.path("at").asLong();
                }
                default -> LOG.debug("Ignored a recorder event of kind {}", kind);
            }
        }
        if (typing != null) {
            steps.add(typed(typing));
        }
        return steps;
    }

    private static RecordedStep typed(JsonNode input) {
        JsonNode t = input.path("target");
        String label = label(t);
        Target into = target(t).orElseThrow(() -> new IllegalStateException("a field with no way to find it"));
        if (input.path("secret").asBoolean()) {
            // the value typed is never kept: only the name a vault keeps it under
            String name = label.isEmpty() ? "password" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_+|_+$", "");
            return new RecordedStep(new Action.Type(into, "{{secret:" + (name.isEmpty() ? "password" : name) + "}}"),
                    label, true);
        }
        return new RecordedStep(new Action.Type(into, input.path("value").asText()), label, false);
    }

    private static String label(JsonNode target) {
        for (String field : List.of("label", "name", "placeholder")) {
            String value = target.path(field).asText("");
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    /**
     * Every way the page offered to find the element, the ones a changed page keeps best first: its label or
     * accessible name, its text (with the card it sits in where several look alike), its role, then CSS and XPath,
     * and the heading it sits under (which only tells apart things that match equally well).
     */
    static Optional<Target> target(JsonNode t) {
        List<Locator> locators = new ArrayList<>();
        boolean unique = t.path("unique").asBoolean(true);
        String xpath = t.path("xpath").asText("");
        String near = t.path("near").asText("");
        if (!unique && !xpath.isBlank() && !near.isBlank()) {
            locators.add(new Locator.XPath(xpath)); // the one in the named card or row: the others look the same
        }
        add(locators, t, "label", Locator.Label::new);
        add(locators, t, "name", Locator.Name::new);
        add(locators, t, "placeholder", Locator.Placeholder::new);
        add(locators, t, "text", Locator.Text::new);
        String role = t.path("role").asText("");
        if (!role.isBlank()) {
            // what kind of thing it is: a replay must not take a text field for the button it recorded
            locators.add(new Locator.Role(role, t.path("name").asText("")));
        }
        add(locators, t, "css", Locator.Css::new);
        if (!xpath.isBlank() && !locators.contains(new Locator.XPath(xpath))) {
            locators.add(new Locator.XPath(xpath));
        }
        if (!near.isBlank()) {
            locators.add(new Locator.NearText(near)); // only tells apart what the others find equally well
        }
        return locators.isEmpty() ? Optional.empty() : Optional.of(new Target(locators));
    }

    private static void add(List<Locator> locators, JsonNode t, String field,
                            java.util.function.Function<String, Locator> make) {
        String value = t.path(field).asText("");
        if (!value.isBlank()) {
            Locator locator = make.apply(value.strip());
            if (!locators.contains(locator)) {
                locators.add(locator);
            }
        }
    }

    private static String recorderScript() {
        try (InputStream in = BrowserRecorder.class.getResourceAsStream("/browser/recorder.js")) {
            if (in == null) {
                throw new IllegalStateException("browser/recorder.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^//.*\\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            LOG.debug("The recording browser was gone already: {}", Brief.firstLine(e.getMessage()));
        }
    }
}
