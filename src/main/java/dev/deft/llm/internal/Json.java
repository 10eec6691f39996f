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
}
