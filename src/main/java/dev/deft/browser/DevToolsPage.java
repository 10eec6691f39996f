package dev.deft.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DevTools connection of Deft's own to one page of the local browser, beside chromedriver's, for input: a click
 * or a typed text is a few DevTools messages on an open WebSocket instead of WebDriver commands, each an HTTP round
 * trip through chromedriver with waits of its own. The events are the browser's real input events (trusted), as
 * chromedriver sends them too. Only where the browser says where its DevTools listen (a local Chromium); elsewhere
 * (a Grid) {@link #open} answers empty and Deft acts through WebDriver.
 */
final class DevToolsPage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevToolsPage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for every connection (each client keeps a thread of its own). */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** The release of a click may open an alert, which holds its answer until the alert is gone. */
    private static final Duration RELEASE_ANSWER = Duration.ofSeconds(1);

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();

    private DevToolsPage(WebSocket.Builder builder, URI page) {
        this.socket = builder.buildAsync(page, new Listener()).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The page of {@code driver}'s window {@code handle} (chromedriver's handles are DevTools target ids), or empty. */
    static Optional<DevToolsPage> open(WebDriver driver, String handle) {
        // a browser of this machine only: a Grid's node names its own loopback address
        if (!(driver instanceof ChromiumDriver local)
                || !(local.getCapabilities().getCapability("goog:chromeOptions") instanceof Map<?, ?> chrome)
                || !(chrome.get("debuggerAddress") instanceof String address) || address.isBlank()) {
            return Optional.empty();
        }
        try {
            URI page = URI.create("ws://" + address + "/devtools/page/" + handle);
            return Optional.of(new DevToolsPage(HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)), page));
        } catch (RuntimeException e) {
            LOG.info("No DevTools connection of Deft's own ({}); acting through WebDriver", e.toString());
            return Optional.empty();
        }
    }

    /** Moves the mouse to {@code x, y} (CSS pixels of the viewport) and clicks the left button there once. */
    void click(double x, double y) {
        send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        CompletableFuture<JsonNode> press = send("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x,
                "y", y, "button", "left", "buttons", 1, "clickCount", 1));
        CompletableFuture<JsonNode> release = send("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x,
                "y", y, "button", "left", "buttons", 0, "clickCount", 1));
        await(press, ANSWER);
        try {
            await(release, RELEASE_ANSWER);
        } catch (DevToolsFailure e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // an alert opened by the click holds the answer; WebDriver meets the alert next
        }
    }

    /** Types {@code text} (printable characters only) where the keyboard focus is, a key press per character. */
    void type(String text) {
        List<CompletableFuture<JsonNode>> sent = new ArrayList<>();
        text.codePoints().forEach(point -> {
            String key = Character.toString(point);
            sent.add(send("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", key, "text", key,
                    "unmodifiedText", key)));
            sent.add(send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key)));
        });
        for (CompletableFuture<JsonNode> answer : sent) {
            await(answer, ANSWER);
        }
    }

    /** Whether {@link #type} can type {@code text}: no line breaks, tabs or WebDriver's special keys. */
    static boolean typeable(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(point -> point >= 0x20 && point != 0x7f
                && (point < 0xE000 || point > 0xF8FF));
    }

    private CompletableFuture<JsonNode> send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
            synchronized (socket) {
                socket.sendText(message, true).join();
            }
        } catch (IOException | RuntimeException e) {
            waiting.remove(id);
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private static void await(CompletableFuture<JsonNode> answer, Duration wait) {
        try {
            JsonNode reply = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new DevToolsFailure(reply.get("error").path("message").asText("DevTools refused"), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevToolsFailure("interrupted", e);
        } catch (ExecutionException e) {
            throw new DevToolsFailure(String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new DevToolsFailure("no answer in " + wait.toMillis() + " ms", e);
        }
    }

    @Override
    public void close() {
        socket.abort();
        waiting.values().forEach(answer -> answer.completeExceptionally(new IOException("closed")));
    }

    /** DevTools did not do what was asked; the caller acts through WebDriver from now on. */
    static final class DevToolsFailure extends RuntimeException {
        DevToolsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode reply = JSON.readTree(message);
                    if (reply.has("id")) {
                        CompletableFuture<JsonNode> answer = waiting.remove(reply.get("id").asInt());
                        if (answer != null) {
                            answer.complete(reply);
                        }
                    }
                } catch (IOException e) {
                    LOG.debug("Unreadable DevTools message: {}", e.toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            waiting.values().forEach(answer -> answer.completeExceptionally(new IOException("closed: " + reason)));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            waiting.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
