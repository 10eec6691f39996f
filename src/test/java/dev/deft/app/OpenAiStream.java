package dev.deft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** Answers in OpenAI's streamed chat completions format, as its API reference shows them, for scripted models. */
final class OpenAiStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String name, Map<String, Object> arguments) {
    }

    private OpenAiStream() {
    }

    /** The answer as OpenAI streams it: a role, the text in pieces, each tool call's arguments in pieces, the usage. */
    static MockResponse answer(int turn, String text, List<Call> calls) throws Exception {
        List<String> events = new ArrayList<>();
        events.add(chunk(turn, delta().put("role", "assistant").put("content", ""), null));
        events.add(chunk(turn, delta().put("content", text.substring(0, text.length() / 2)), null));
        events.add(chunk(turn, delta().put("content", text.substring(text.length() / 2)), null));
        for (int i = 0; i < calls.size(); i++) {
            String arguments = JSON.writeValueAsString(calls.get(i).arguments());
            ObjectNode start = delta();
            ObjectNode call = start.putArray("tool_calls").addObject().put("index", i)
                    .put("id", "call_" + turn + "_" + i).put("type", "function");
            call.putObject("function").put("name", calls.get(i).name()).put("arguments", "");
            events.add(chunk(turn, start, null));
            int half = arguments.length() / 2;
            for (String piece : List.of(arguments.substring(0, half), arguments.substring(half))) {
                ObjectNode more = delta();
                more.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", piece);
                events.add(chunk(turn, more, null));
            }
        }
        events.add(chunk(turn, delta(), "tool_calls"));
        ObjectNode usage = JSON.createObjectNode().put("id", "chatcmpl-shop-" + turn)
                .put("object", "chat.completion.chunk").put("created", 1763900000).put("model", "shop-model");
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", 1200).put("completion_tokens", 30).put("total_tokens", 1230);
        events.add(JSON.writeValueAsString(usage));
        events.add("[DONE]");
        StringBuilder body = new StringBuilder();
        events.forEach(event -> body.append("data: ").append(event).append("\n\n"));
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString());
    }

    private static ObjectNode delta() {
        return JSON.createObjectNode();
    }

    private static String chunk(int turn, ObjectNode delta, String finishReason) throws Exception {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-shop-" + turn)
                .put("object", "chat.completion.chunk").put("created", 1763900000).put("model", "shop-model");
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return JSON.writeValueAsString(chunk);
    }
}
