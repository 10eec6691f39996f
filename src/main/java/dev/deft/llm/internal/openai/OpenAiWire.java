package dev.deft.llm.internal.openai;

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
import okio.BufferedSource;

/** OpenAI's chat completions format ({@code POST /chat/completions}), as OpenAI and compatible servers speak it. */
public final class OpenAiWire {
    private OpenAiWire() {
    }

    /**
     * @param completionTokensField {@code max_completion_tokens} for OpenAI itself, {@code max_tokens} for the
     *                              compatible servers that know only that one
     */
    public static String request(String model, LanguageModel.Request request, boolean images,
                                 String completionTokensField) {
        ObjectNode body = Json.chatBody(model, request.system());
        ArrayNode messages = (ArrayNode) body.get("messages");
        for (ChatMessage message : request.messages()) {
            if (message instanceof ChatMessage.User user) {
                ObjectNode out = messages.addObject().put("role", "user");
                if (images && !user.images().isEmpty()) {
                    ArrayNode parts = out.putArray("content");
                    parts.addObject().put("type", "text").put("text", user.text());
                    for (Path file : user.images()) {
                        ImageData.read(file).ifPresent(image -> parts.addObject().put("type", "image_url")
                                .putObject("image_url").put("url", image.dataUrl()));
                    }
                } else {
                    out.put("content", user.text());
                }
            } else if (message instanceof ChatMessage.Assistant assistant) {
                ObjectNode out = messages.addObject().put("role", "assistant");
                if (assistant.text().isEmpty()) {
                    out.putNull("content");
                } else {
                    out.put("content", assistant.text());
                }
                if (!assistant.toolCalls().isEmpty()) {
                    ArrayNode calls = out.putArray("tool_calls");
                    for (LanguageModel.ToolCall call : assistant.toolCalls()) {
                        ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
                        c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
                    }
                }
            } else if (message instanceof ChatMessage.ToolResult result) {
                messages.addObject().put("role", "tool").put("tool_call_id", result.callId())
                        .put("content", result.content());
            }
        }
        Json.functionTools(body, request.tools());
        body.put(completionTokensField, request.maxTokens());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return Json.write(body);
    }

    /** A whole (not streamed) completion. */
    public static LanguageModel.Reply whole(String text, LanguageModel.Stream stream) {
        JsonNode root = Json.replyObject(text);
        failOnError(root);
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        String content = message.path("content").isTextual() ? message.path("content").asText() : "";
        if (!content.isEmpty()) {
            stream.text(content);
        }
        ToolCallAssembler calls = new ToolCallAssembler();
        int index = 0;
        for (JsonNode call : message.path("tool_calls")) {
            calls.id(index, call.path("id").asText(""));
            calls.name(index, call.path("function").path("name").asText(""));
            JsonNode arguments = call.path("function").path("arguments");
            calls.arguments(index, arguments.isTextual() ? arguments.asText() : Json.write(arguments));
            index++;
        }
        return new LanguageModel.Reply(content, calls.calls(), usage(root.path("usage")),
                choice.path("finish_reason").asText(""));
    }

    /** A streamed completion: {@code data:} chunks with deltas, then {@code data: [DONE]}. */
    public static LanguageModel.Reply streamed(BufferedSource source, LanguageModel.Stream stream) throws IOException {
        StringBuilder text = new StringBuilder();
        ToolCallAssembler calls = new ToolCallAssembler();
        TokenUsage[] usage = {TokenUsage.NONE};
        String[] stop = {""};
        SseReader.read(source, (event, data) -> {
            if (data.strip().equals("[DONE]")) {
                return false;
            }
            JsonNode chunk = Json.readOrNull(data);
            if (chunk == null) {
                throw new ProviderError(0, "unreadable", "a chunk is not JSON: " + data);
            }
            failOnError(chunk);
            if (chunk.path("usage").isObject()) {
                usage[0] = usage(chunk.path("usage"));
            }
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode delta = choice.path("delta");
                if (delta.path("content").isTextual() && !delta.path("content").asText().isEmpty()) {
                    String fragment = delta.path("content").asText();
                    text.append(fragment);
                    stream.text(fragment);
                }
                for (JsonNode call : delta.path("tool_calls")) {
                    int index = call.has("index") ? call.path("index").asInt()
                            : indexWithoutOne(calls, call.path("id").asText(""));
                    calls.id(index, call.path("id").asText(""));
                    calls.name(index, call.path("function").path("name").asText(null));
                    JsonNode arguments = call.path("function").path("arguments");
                    if (!arguments.isMissingNode() && !arguments.isNull()) {
                        calls.arguments(index, arguments.isTextual() ? arguments.asText() : Json.write(arguments));
                    }
                }
                if (choice.path("finish_reason").isTextual()) {
                    stop[0] = choice.path("finish_reason").asText();
                }
            }
            return true;
        });
        return new LanguageModel.Reply(text.toString(), calls.calls(), usage[0], stop[0]);
    }

    /** Some servers leave out {@code index}: a new id is a new call, no id continues the last one. */
    private static int indexWithoutOne(ToolCallAssembler calls, String id) {
        int known = calls.indexOf(id);
        if (known >= 0) return known;
        if (id.isEmpty()) return Math.max(0, calls.size() - 1);
        return calls.size();
    }

    private static void failOnError(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject() || error.isTextual()) {
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            String type = error.path("type").asText(error.path("code").asText(""));
            int status = error.path("code").isInt() ? error.path("code").asInt() : 500;
            throw new ProviderError(status, type, message);
        }
    }

    private static TokenUsage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return TokenUsage.NONE;
        }
        return new TokenUsage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
    }
}
