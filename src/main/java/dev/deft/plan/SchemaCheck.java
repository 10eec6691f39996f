package dev.deft.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a model's arguments against the JSON schema of the tool it called ({@link ActionTools}' own, or an MCP
 * server's) with the JSON Schema validator, and tells each problem as a sentence that names where it is, so that the
 * model can send the call again. An argument given as {@code null} counts as left out, as some models write it.
 */
final class SchemaCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** At one place, problems are told in this order; other keywords come after. */
    private static final List<String> ORDER = List.of("type", "enum", "minimum", "required", "additionalProperties",
            "minProperties", "maxProperties");

    private SchemaCheck() {
    }

    /** The problems with {@code value}, each naming where it is (from {@code where}, the tool's name); empty when it fits. */
    static List<String> problems(Map<String, Object> schema, JsonNode value, String where) {
        JsonNode tree = JSON.valueToTree(schema);
        List<Error> errors;
        try {
            errors = SCHEMAS.getSchema(tree).validate(withoutNulls(value));
        } catch (RuntimeException e) {
            // a schema the validator cannot use (a dialect it does not know, a $ref it may not fetch): the tool's own
            // server still checks what it is sent
            LOG.debug("Cannot check arguments of {} against its schema: {}", where, e.toString());
            return List.of();
        }
        // a value of the wrong type is one problem, not also every keyword it then fails
        Set<NodePath> mistyped = errors.stream().filter(e -> e.getKeyword().equals("type"))
                .map(Error::getInstanceLocation).collect(Collectors.toSet());
        return errors.stream()
                .filter(e -> e.getKeyword().equals("type") || !mistyped.contains(e.getInstanceLocation()))
                .sorted(Comparator.comparing(Error::getInstanceLocation).thenComparing(e -> rank(e.getKeyword())))
                .map(e -> sentence(e, where + path(e.getInstanceLocation()), tree))
                .distinct().toList();
    }

    private static String sentence(Error error, String at, JsonNode schema) {
        JsonNode rule = error.getSchemaNode();
        JsonNode value = error.getInstanceNode();
        List<String> takes = propertyNames(schema, error);
        String told = switch (error.getKeyword()) {
            case "type" -> at + " must be " + types(rule) + ", was " + shown(value);
            case "enum" -> at + " must be one of " + texts(rule) + ", was " + shown(value);
            case "minimum" -> at + " must be at least " + rule.asText() + ", was " + value.asText();
            case "required" -> at + " needs \"" + error.getProperty() + "\"";
            case "additionalProperties" -> takes.isEmpty() ? null
                    : at + " has no argument \"" + error.getProperty() + "\"; it takes " + String.join(", ", takes);
            case "minProperties" -> takes.isEmpty() ? null : at + " needs " + count(rule) + " of " + takes;
            case "maxProperties" -> takes.isEmpty() ? null : at + " takes only " + count(rule) + " of " + takes;
            default -> null;
        };
        return told != null ? told : at + " " + error.getMessage();
    }

    /** The properties the schema beside the failed keyword names, in its order. */
    private static List<String> propertyNames(JsonNode schema, Error error) {
        String keyword = error.getSchemaLocation().getFragment().toString();
        JsonPointer beside = keyword.startsWith("/") ? JsonPointer.compile(keyword).head() : null;
        List<String> names = new ArrayList<>();
        if (beside != null) {
            schema.at(beside).path("properties").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** {@code /on/element} → {@code .on.element}; {@code /items/0} → {@code .items[0]}. */
    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        return path.toString();
    }

    private static JsonNode withoutNulls(JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode kept = JSON.createObjectNode();
        value.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                kept.set(field.getKey(), withoutNulls(field.getValue()));
            }
        });
        return kept;
    }

    private static int rank(String keyword) {
        int rank = ORDER.indexOf(keyword);
        return rank < 0 ? ORDER.size() : rank;
    }

    private static String types(JsonNode rule) {
        if (!rule.isArray()) {
            return article(rule.asText());
        }
        List<String> types = new ArrayList<>();
        rule.forEach(type -> types.add(article(type.asText())));
        return String.join(" or ", types);
    }

    private static String texts(JsonNode rule) {
        List<String> texts = new ArrayList<>();
        rule.forEach(item -> texts.add(item.asText()));
        return texts.toString();
    }

    private static String count(JsonNode rule) {
        return rule.asInt() == 1 ? "one" : rule.asText();
    }

    private static String article(String type) {
        return (type.startsWith("o") || type.startsWith("i") ? "an " : "a ") + type;
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
