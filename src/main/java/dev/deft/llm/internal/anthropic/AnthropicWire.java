package dev.deft.llm.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.ChatMessage;
import dev.deft.core.LanguageModel;
import dev.deft.core.TokenUsage;
import dev.deft.llm.internal.ImageData;
import dev.deft.llm.internal.Json;
import dev.deft.llm.internal.ProviderError;
import dev.deft.llm.internal.SseReader;
import dev.deft.llm.internal.ToolCallAssembler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import okio.BufferedSource;

/** Anthropic's Messages format ({@code POST /v1/messages}): content blocks, {@code tool_use} and {@code tool_result}. */
public final class AnthropicWire {
    public static final String VERSION = "2023-06-01";

    private AnthropicWire() {
    }

    public static String request(String model, LanguageModel.Request request, boolean images) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens());
        if (!request.system().isEmpty()) {
            // the system prompt and the tools before it are the same every step: let the provider cache them
            ObjectNode system = body.putArray("system").addObject().put("type", "text").put("text", request.system());
            system.putObject("cache_control").put("type", "ephemeral");
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (LanguageModel.Tool tool : request.tools()) {
                ObjectNode out = tools.addObject().put("name", tool.name()).put("description", tool.description());
                out.set("input_schema", Json.tree(tool.parameters()));
            }
        }
        ArrayNode messages = body.putArray("messages");
        String role = "";
        ArrayNode content = null;
        for (ChatMessage message : request.messages()) {
            String next = message instanceof ChatMessage.Assistant ? "assistant" : "user";
            if (!next.equals(role)) {
                // the API wants turns to alternate: a tool result and the text after it are one user turn
                content = messages.addObject().put("role", next).putArray("content");
                role = next;
            }
            if (message instanceof ChatMessage.User user) {
                if (images) {
                    for (Path file : user.images()) {
                        ArrayNode blocks = content;
                        ImageData.read(file).ifPresent(image -> blocks.addObject().put("type", "image")
                                .putObject("source").put("type", "base64").put("media_type", image.mediaType())
                                .put("data", image.base64()));
                    }
                }
                if (!user.text().isBlank()) {
                    content.addObject().put("type", "text").put("text", user.text());
                }
            } else if (message instanceof ChatMessage.Assistant assistant) {
                if (!assistant.text().isBlank()) {
                    content.addObject().put("type", "text").put("text", assistant.text());
                }
                for (LanguageModel.ToolCall call : assistant.toolCalls()) {
                    ObjectNode use = content.addObject().put("type", "tool_use").put("id", call.id())
                            .put("name", call.name());
                    use.set("input", Json.argumentsObject(call.arguments()));
                }
            } else if (message instanceof ChatMessage.ToolResult result) {
                ObjectNode block = content.addObject().put("type", "tool_result").put("tool_use_id", result.callId())
                        .put("content", result.content());
                if (result.error()) {
                    block.put("is_error", true);
                }
            }
        }
        body.put("stream", true);
        return Json.write(body);
    }

    /** A whole (not streamed) message. */
    public static LanguageModel.Reply whole(String text, LanguageModel.Stream stream) {
        JsonNode root = Json.replyObject(text);
        failOnError(root);
        StringBuilder said = new StringBuilder();
        ToolCallAssembler calls = new ToolCallAssembler();
        int index = 0;
        for (JsonNode block : root.path("content")) {
            String type = block.path("type").asText();
            if (type.equals("text")) {
                said.append(block.path("text").asText());
                stream.text(block.path("text").asText());
            } else if (type.equals("tool_use")) {
                calls.id(index, block.path("id").asText());
                calls.name(index, block.path("name").asText());
                calls.wholeArguments(index, Json.write(block.path("input")));
                index++;
            }
        }
        return new LanguageModel.Reply(said.toString(), calls.calls(), usage(root.path("usage"), TokenUsage.NONE),
                root.path("stop_reason").asText(""));
    }

    /**
     * A streamed message: {@code message_start}, then for each content block {@code content_block_start},
     * {@code content_block_delta}s ({@code text_delta}, {@code input_json_delta}) and {@code content_block_stop},
     * then {@code message_delta} with the stop reason and output tokens, and {@code message_stop}.
     */
    public static LanguageModel.Reply streamed(BufferedSource source, LanguageModel.Stream stream) throws IOException {
        StringBuilder text = new StringBuilder();
        ToolCallAssembler calls = new ToolCallAssembler();
        Map<Integer, Integer> toolIndexOfBlock = new HashMap<>();
        TokenUsage[] usage = {TokenUsage.NONE};
        String[] stop = {""};
        SseReader.read(source, (event, data) -> {
            JsonNode message = Json.readOrNull(data);
            if (message == null) {
                throw new ProviderError(0, "unreadable", "an event is not JSON: " + data);
            }
            String type = message.path("type").asText(event);
            switch (type) {
                case "message_start" -> usage[0] = usage(message.path("message").path("usage"), TokenUsage.NONE);
                case "content_block_start" -> {
                    JsonNode block = message.path("content_block");
                    int index = message.path("index").asInt();
                    if (block.path("type").asText().equals("tool_use")) {
                        int call = toolIndexOfBlock.size();
                        toolIndexOfBlock.put(index, call);
                        calls.id(call, block.path("id").asText());
                        calls.name(call, block.path("name").asText());
                        JsonNode input = block.path("input");
                        if (input.isObject() && input.size() > 0) {
                            calls.wholeArguments(call, Json.write(input));
                        }
                    } else if (block.path("type").asText().equals("text") && !block.path("text").asText().isEmpty()) {
                        text.append(block.path("text").asText());
                        stream.text(block.path("text").asText());
                    }
                }
                case "content_block_delta" -> {
                    JsonNode delta = message.path("delta");
                    String kind = delta.path("type").asText();
                    if (kind.equals("text_delta")) {
                        String fragment = delta.path("text").asText();
                        text.append(fragment);
                        stream.text(fragment);
                    } else if (kind.equals("input_json_delta")) {
                        Integer call = toolIndexOfBlock.get(message.path("index").asInt());
                        if (call != null) {
                            calls.arguments(call, delta.path("partial_json").asText());
                        }
                    }
                }
                case "message_delta" -> {
                    if (message.path("delta").path("stop_reason").isTextual()) {
                        stop[0] = message.path("delta").path("stop_reason").asText();
                    }
                    usage[0] = usage(message.path("usage"), usage[0]);
                }
                case "message_stop" -> {
                    return false;
                }
                case "error" -> failOnError(message);
                default -> {
                    // ping, content_block_stop, and event types added later
                }
            }
            return true;
        });
        return new LanguageModel.Reply(text.toString(), calls.calls(), usage[0], stop[0]);
    }

    private static void failOnError(JsonNode root) {
        if (root.path("type").asText().equals("error") || root.path("error").isObject()) {
            JsonNode error = root.path("error");
            String type = error.path("type").asText("");
            throw new ProviderError(statusOf(type), type, error.path("message").asText(""));
        }
    }

    /** The HTTP status an error type has when it is not sent inside a stream. */
    private static int statusOf(String type) {
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    /** Usage so far, updated by what this event says; cached and cache-written input count as input. */
    private static TokenUsage usage(JsonNode usage, TokenUsage before) {
        if (!usage.isObject()) {
            return before;
        }
        long cached = usage.path("cache_read_input_tokens").asLong(0);
        long input = usage.has("input_tokens")
                ? usage.path("input_tokens").asLong(0) + cached + usage.path("cache_creation_input_tokens").asLong(0)
                : before.input();
        long output = usage.has("output_tokens") ? usage.path("output_tokens").asLong(0) : before.output();
        return new TokenUsage(input, output, usage.has("input_tokens") ? cached : before.cachedInput());
    }
}
