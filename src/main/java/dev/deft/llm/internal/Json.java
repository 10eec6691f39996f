package dev.deft.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The JSON the wire formats share: one mapper, and the tool schema trees as Jackson nodes. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNode tree(Map<String, Object> plain) {
        return MAPPER.valueToTree(plain);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads JSON; null when it is not JSON. */
    public static JsonNode readOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Arguments text as an object for the formats that want one; malformed text is kept under {@code _unparsed}. */
    public static ObjectNode argumentsObject(String arguments) {
        JsonNode node = readOrNull(arguments);
        if (node != null && node.isObject()) {
            return (ObjectNode) node;
        }
        ObjectNode kept = object();
        kept.put("_unparsed", arguments);
        return kept;
    }

    /** The tools as OpenAI's chat completions and Ollama both take them: each a function with a JSON Schema. */
    public static void functionTools(ObjectNode body, java.util.List<dev.deft.core.LanguageModel.Tool> tools) {
        if (tools.isEmpty()) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("tools");
        for (dev.deft.core.LanguageModel.Tool tool : tools) {
            ObjectNode function = list.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description());
            function.set("parameters", tree(tool.parameters()));
        }
    }

    /** A whole reply's JSON object; a provider error when it is none. */
    public static JsonNode replyObject(String text) {
        JsonNode root = readOrNull(text);
        if (root == null || !root.isObject()) {
            throw new ProviderError(0, "unreadable", "the reply is not JSON: " + text);
        }
        return root;
    }

    /** A request body for {@code model}, with its messages list begun by the system prompt, where there is one. */
    public static ObjectNode chatBody(String model, String system) {
        ObjectNode body = object();
        body.put("model", model);
        com.fasterxml.jackson.databind.node.ArrayNode messages = body.putArray("messages");
        if (!system.isEmpty()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        return body;
    }
}
