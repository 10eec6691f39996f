package dev.deft.llm.internal.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.ChatMessage;
import dev.deft.core.LanguageModel;
import dev.deft.core.TokenUsage;
import dev.deft.llm.internal.ImageData;
import dev.deft.llm.internal.Json;
import dev.deft.llm.internal.ProviderError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okio.BufferedSource;

/** Ollama's own chat format ({@code POST /api/chat}): one JSON object per line, the last with {@code "done": true}. */
public final class OllamaWire {
    private OllamaWire() {
    }

    public static String request(String model, LanguageModel.Request request, boolean images) {
        ObjectNode body = Json.chatBody(model, request.system());
        ArrayNode messages = (ArrayNode) body.get("messages");
        for (ChatMessage message : request.messages()) {
            if (message instanceof ChatMessage.User user) {
                ObjectNode out = messages.addObject().put("role", "user").put("content", user.text());
                if (images && !user.images().isEmpty()) {
                    ArrayNode encoded = out.putArray("images");
                    for (Path file : user.images()) {
                        ImageData.read(file).ifPresent(image -> encoded.add(image.base64()));
                    }
                }
            } else if (message instanceof ChatMessage.Assistant assistant) {
                ObjectNode out = messages.addObject().put("role", "assistant").put("content", assistant.text());
                if (!assistant.toolCalls().isEmpty()) {
                    ArrayNode calls = out.putArray("tool_calls");
                    for (LanguageModel.ToolCall call : assistant.toolCalls()) {
                        ObjectNode function = calls.addObject().putObject("function").put("name", call.name());
                        function.set("arguments", Json.argumentsObject(call.arguments()));
                    }
                }
            } else if (message instanceof ChatMessage.ToolResult result) {
                messages.addObject().put("role", "tool").put("tool_name", result.toolName())
                        .put("content", result.content());
            }
        }
        Json.functionTools(body, request.tools());
        body.put("stream", true);
        body.putObject("options").put("num_predict", request.maxTokens());
        return Json.write(body);
    }

    /** Reads a streamed reply: one JSON object a line, the last with {@code "done": true}. */
    public static LanguageModel.Reply streamed(BufferedSource source, LanguageModel.Stream stream) throws IOException {
        Reading reading = new Reading(stream);
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode chunk = Json.readOrNull(line);
            if (chunk == null) {
                throw new ProviderError(0, "unreadable", "a line is not JSON: " + line);
            }
            if (reading.take(chunk)) {
                break;
            }
        }
        return reading.reply();
    }

    /** Reads a whole (not streamed) reply: the same object as the last line of a stream, with all the message. */
    public static LanguageModel.Reply whole(String text, LanguageModel.Stream stream) {
        JsonNode root = Json.readOrNull(text);
        if (root == null || !root.isObject()) {
            throw new ProviderError(0, "unreadable", "the reply is not JSON: " + text);
        }
        Reading reading = new Reading(stream);
        reading.take(root);
        return reading.reply();
    }

    /** A reply as its chunks arrive. */
    private static final class Reading {
        private final LanguageModel.Stream stream;
        private final StringBuilder text = new StringBuilder();
        private final List<LanguageModel.ToolCall> calls = new ArrayList<>();
        private TokenUsage usage = TokenUsage.NONE;
        private String stop = "";

        Reading(LanguageModel.Stream stream) {
            this.stream = stream;
        }

        /** Takes one chunk; true when it was the last. */
        boolean take(JsonNode chunk) {
            if (chunk.path("error").isTextual()) {
                throw new ProviderError(500, "", chunk.path("error").asText());
            }
            JsonNode message = chunk.path("message");
            String fragment = message.path("content").asText("");
            if (!fragment.isEmpty()) {
                text.append(fragment);
                stream.text(fragment);
            }
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode function = call.path("function");
                JsonNode arguments = function.path("arguments");
                String id = Optional.of(call.path("id").asText("")).filter(s -> !s.isEmpty())
                        .orElse("call_" + calls.size());
                calls.add(new LanguageModel.ToolCall(id, function.path("name").asText(""),
                        arguments.isTextual() ? arguments.asText() : Json.write(arguments)));
            }
            if (chunk.path("done").asBoolean(false)) {
                usage = new TokenUsage(chunk.path("prompt_eval_count").asLong(0), chunk.path("eval_count").asLong(0), 0);
                stop = chunk.path("done_reason").asText("stop");
                return true;
            }
            return false;
        }

        LanguageModel.Reply reply() {
            return new LanguageModel.Reply(text.toString(), calls, usage, stop);
        }
    }

    /** The names of the models {@code GET /api/tags} lists. */
    public static List<String> models(String tags) {
        List<String> names = new ArrayList<>();
        JsonNode root = Json.readOrNull(tags);
        if (root != null) {
            for (JsonNode model : root.path("models")) {
                String name = model.path("name").asText(model.path("model").asText(""));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
