package dev.deft.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a value against the JSON schemas {@link ActionTools} makes (the keywords {@code type}, {@code properties},
 * {@code required}, {@code additionalProperties}, {@code enum}, {@code minimum}, {@code minProperties},
 * {@code maxProperties}), so that a model's arguments are held to exactly what it was shown.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /** The problems with {@code value}, each naming where it is; empty when it fits. */
    static List<String> problems(Map<String, Object> schema, JsonNode value, String where) {
        List<String> problems = new ArrayList<>();
        check(schema, value, where, problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, JsonNode value, String where, List<String> problems) {
        Object type = schema.get("type");
        if (type != null && !fits(String.valueOf(type), value)) {
            problems.add(where + " must be " + article(String.valueOf(type)) + ", was " + shown(value));
            return;
        }
        Object choices = schema.get("enum");
        if (choices instanceof List<?> allowed && allowed.stream().noneMatch(a -> a.equals(value.asText()))) {
            problems.add(where + " must be one of " + allowed + ", was " + shown(value));
        }
        Object minimum = schema.get("minimum");
        if (minimum instanceof Number min && value.isNumber() && value.asDouble() < min.doubleValue()) {
            problems.add(where + " must be at least " + min + ", was " + value.asText());
        }
        if (!value.isObject()) {
            return;
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (!value.has(String.valueOf(name)) || value.get(String.valueOf(name)).isNull()) {
                problems.add(where + " needs \"" + name + "\"");
            }
        }
        Object additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = where + "." + field.getKey();
            if (field.getValue().isNull()) {
                continue; // a left-out optional argument, as some models write it
            }
            if (properties.containsKey(field.getKey())) {
                check((Map<String, Object>) properties.get(field.getKey()), field.getValue(), path, problems);
            } else if (Boolean.FALSE.equals(additional)) {
                problems.add(where + " has no argument \"" + field.getKey() + "\"; it takes "
                        + String.join(", ", properties.keySet()));
            } else if (additional instanceof Map<?, ?> each) {
                check((Map<String, Object>) each, field.getValue(), path, problems);
            }
        }
        int count = value.size();
        if (schema.get("minProperties") instanceof Number min && count < min.intValue()) {
            problems.add(where + " needs " + (min.intValue() == 1 ? "one" : min) + " of " + properties.keySet());
        }
        if (schema.get("maxProperties") instanceof Number max && count > max.intValue()) {
            problems.add(where + " takes only " + (max.intValue() == 1 ? "one" : max) + " of " + properties.keySet());
        }
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    private static String article(String type) {
        return (type.startsWith("o") || type.startsWith("i") ? "an " : "a ") + type;
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
