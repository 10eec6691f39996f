package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.demo.DemoServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vision where it helps: a page that says little in words (a canvas, a button that is only a picture) reaches an
 * Anthropic model as a screenshot with the elements outlined and numbered; a page that says enough goes as text only.
 */
class SetOfMarksIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    java.nio.file.Path home;
    MockWebServer modelServer;
    DemoServer site;
    DeftWorkspace workspace;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = DemoServer.start();
        modelServer = new MockWebServer();
        modelServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode body = JSON.readTree(request.getBody().readUtf8());
                    requests.add(body);
                    return answer(text(body));
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(400).setBody("{\"type\":\"error\",\"error\":{\"type\":"
                            + "\"invalid_request_error\",\"message\":\"" + e.getMessage() + "\"}}");
                }
            }
        });
        modelServer.start();
        workspace = DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "ANTHROPIC_BASE_URL", modelServer.url("/").toString().replaceAll("/$", ""), "ANTHROPIC_API_KEY", "sk-ant-test",
                "DEFT_MODEL", "claude-sonnet-4-5", "DEFT_KEYRING", "off"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
        site.close();
        modelServer.shutdown();
    }

    /** Clears the pad with the picture-only button (found by its number), then finishes. */
    private static MockResponse answer(String prompt) throws Exception {
        if (prompt.contains("The pad is empty") || prompt.contains("Deft Shop")) {
            return stream(List.of(Map.entry("finish", Map.of("summary", "Done.", "success", true))));
        }
        Matcher button = Pattern.compile("\\[(\\d+)] button(?: \"[^\"]*\")?\\n").matcher(prompt);
        if (!button.find()) {
            return stream(List.of(Map.entry("finish", Map.of("summary", "No picture-only button.", "success", false))));
        }
        return stream(List.of(Map.entry("click", Map.of("on", Map.of("element", Integer.parseInt(button.group(1)))))));
    }

    private RunResult run(String request, String page) {
        RunSpec spec = RunSpec.builder(request).planner(RunSpec.PlannerChoice.LLM).provider("anthropic").maxSteps(10)
                .surface(RunSpec.SurfaceChoice.BROWSER).startUrl(site.url(page)).headless(true).incognito(true).build();
        ApprovalGate no = new ApprovalGate() {
            @Override
            public CompletableFuture<ApprovalDecision> request(ApprovalRequest r) {
                return CompletableFuture.completedFuture(ApprovalDecision.reject("test", Instant.now()));
            }
        };
        return workspace.run(spec, no, RunListener.NONE, new RunControl());
    }

    @Test
    void aCanvasAndAPictureOnlyButtonSendTheScreenshotWithNumberedMarks() throws Exception {
        RunResult result = run("clear the sketch pad", "lab/sketch.html");

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
        JsonNode first = requests.get(0).get("messages").get(0);
        String prompt = text(requests.get(0));
        Matcher button = Pattern.compile("\\[(\\d+)] button(?: \"[^\"]*\")?\\n").matcher(prompt);
        assertThat(button.find()).as(prompt).isTrue();
        assertThat(prompt).containsPattern("\\[\\d+] canvas");
        List<JsonNode> images = new ArrayList<>();
        first.get("content").forEach(block -> {
            if (block.path("type").asText().equals("image")) {
                images.add(block.get("source"));
            }
        });
        assertThat(images).singleElement().satisfies(source -> {
            assertThat(source.get("type").asText()).isEqualTo("base64");
            assertThat(source.get("media_type").asText()).isEqualTo("image/png");
        });
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.get(0).get("data").asText())));
        // the button's box (left 40, top 120, 48 × 48 CSS pixels) is outlined in a mark's colour, not the page's grey
        assertThat(saturated(sent.getRGB(40, 144))).as("left edge of the button").isTrue();
        assertThat(saturated(sent.getRGB(40 + 24, 120))).as("top edge of the button").isTrue();
        assertThat(saturated(sent.getRGB(200, 200))).as("left edge of the canvas").isTrue();
        // a label sits above each box, white digits on the mark's colour
        assertThat(countWhite(sent, 40, 100, 30, 19)).as("digits above the button").isGreaterThan(10);
        assertThat(saturated(sent.getRGB(10, 10))).as("the page away from any element").isFalse();

        // the model named the button by its number, and the click reached the page
        assertThat(text(requests.get(requests.size() - 1))).contains("The pad is empty");
        assertThat(workspace.journal().find(result.run()).orElseThrow().steps())
                .anySatisfy(step -> assertThat(step.action()).contains("#" + button.group(1)));
    }

    @Test
    void aPageThatSaysEnoughInWordsGoesAsTextOnly() {
        RunResult result = run("look at the shop", "shop/");

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
        assertThat(requests).isNotEmpty().allSatisfy(body -> assertThat(body.toString()).doesNotContain("\"image\""));
    }

    private static boolean saturated(int rgb) {
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80;
    }

    private static int countWhite(BufferedImage image, int x, int y, int width, int height) {
        int white = 0;
        for (int i = x; i < x + width; i++) {
            for (int j = y; j < y + height; j++) {
                if ((image.getRGB(i, j) & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                }
            }
        }
        return white;
    }

    private static String text(JsonNode body) {
        StringBuilder text = new StringBuilder();
        JsonNode messages = body.get("messages");
        messages.get(messages.size() - 1).get("content").forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    /** Anthropic's streamed Messages answer: each tool call a tool_use block whose input comes in pieces. */
    private static MockResponse stream(List<Map.Entry<String, Map<String, Object>>> calls) throws Exception {
        StringBuilder sse = new StringBuilder();
        event(sse, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01Sketch\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"stop_sequence\":null,\"usage\":"
                + "{\"input_tokens\":1500,\"output_tokens\":1},\"content\":[],\"stop_reason\":null}}");
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", i);
            start.putObject("content_block").put("type", "tool_use").put("id", "toolu_sketch_" + i)
                    .put("name", calls.get(i).getKey()).putObject("input");
            event(sse, "content_block_start", start.toString());
            String input = JSON.writeValueAsString(calls.get(i).getValue());
            for (String piece : List.of(input.substring(0, input.length() / 2), input.substring(input.length() / 2))) {
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", i);
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
                event(sse, "content_block_delta", delta.toString());
            }
            event(sse, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + i + "}");
        }
        event(sse, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":25}}");
        event(sse, "message_stop", "{\"type\":\"message_stop\"}");
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(sse.toString());
    }

    private static void event(StringBuilder sse, String name, String data) {
        sse.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
    }
}
