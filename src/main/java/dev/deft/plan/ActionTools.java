package dev.deft.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.LanguageModel;
import dev.deft.core.RiskClass;
import dev.deft.core.Target;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actions as tools a model can call, generated from the {@link Action} records themselves: one tool per
 * record, one parameter per record component, its JSON schema from the component's type. Only the words
 * (descriptions, defaults) come from {@code prompts/tools.json}, and loading refuses a file that names a parameter
 * the records lack or misses one they have, so the two cannot drift apart.
 */
public final class ActionTools {
    /** Parameters every tool takes besides its action's own. */
    static final String RISK = "risk";
    static final String REASON = "reason";
    private static final String WORDS = "/prompts/tools.json";

    /** One tool: the action record it makes and its parameters. */
    record Spec(String name, Class<? extends Action> type, List<Parameter> parameters, LanguageModel.Tool tool) {
        Optional<Parameter> parameter(String name) {
            return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    /** One record component as a tool parameter. */
    record Parameter(String name, RecordComponent component, boolean required, Optional<Object> fallback) {
    }

    private final Map<String, Spec> specs;

    private ActionTools(Map<String, Spec> specs) {
        this.specs = specs;
    }

    /** Every action as a tool, except the kinds in {@code leftOut} (such as {@code run_skill} with no skills). */
    public static ActionTools load(Set<String> leftOut) {
        JsonNode words = readWords();
        Map<String, Spec> specs = new LinkedHashMap<>();
        Set<String> described = new TreeSet<>();
        words.fieldNames().forEachRemaining(described::add);
        for (Class<?> permitted : Action.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends Action> type = (Class<? extends Action>) permitted;
            String name = toolName(type);
            described.remove(name);
            JsonNode about = words.path(name);
            if (about.isMissingNode()) {
                throw new IllegalStateException(WORDS + " does not describe the action " + name);
            }
            if (!leftOut.contains(name)) {
                specs.put(name, spec(name, type, about));
            }
        }
        if (!described.isEmpty()) {
            throw new IllegalStateException(WORDS + " describes actions that do not exist: " + described);
        }
        return new ActionTools(specs);
    }

    public List<LanguageModel.Tool> tools() {
        return specs.values().stream().map(Spec::tool).toList();
    }

    public Set<String> names() {
        return specs.keySet();
    }

    Optional<Spec> spec(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** {@code PressKey} → {@code press_key}. */
    static String toolName(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static Spec spec(String name, Class<? extends Action> type, JsonNode about) {
        JsonNode descriptions = about.path("parameters");
        JsonNode defaults = about.path("defaults");
        Set<String> undescribed = new TreeSet<>();
        descriptions.fieldNames().forEachRemaining(undescribed::add);
        List<Parameter> parameters = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String parameter = component.getName();
            if (parameter.equals(RISK) || parameter.equals(REASON)) {
                throw new IllegalStateException(name + "." + parameter + " clashes with a parameter every tool takes");
            }
            if (!descriptions.has(parameter)) {
                throw new IllegalStateException(WORDS + " does not describe " + name + "." + parameter);
            }
            undescribed.remove(parameter);
            Map<String, Object> schema = new LinkedHashMap<>(schemaOf(component.getGenericType(), name + "." + parameter));
            schema.put("description", descriptions.path(parameter).asText());
            Optional<Object> fallback = defaults.has(parameter)
                    ? Optional.of(new ObjectMapper().convertValue(defaults.path(parameter), Object.class))
                    : Optional.empty();
            boolean optional = component.getType() == Optional.class || fallback.isPresent();
            if (!optional) {
                required.add(parameter);
            }
            properties.put(parameter, schema);
            parameters.add(new Parameter(parameter, component, !optional, fallback));
        }
        if (!undescribed.isEmpty()) {
            throw new IllegalStateException(WORDS + " describes parameters " + name + " lacks: " + undescribed);
        }
        if (type != Action.Finish.class && type != Action.AskUser.class) {
            properties.put(RISK, Map.of("type", "string", "enum", lowerNames(RiskClass.values()),
                    "description", "Only to raise the risk Deft gives this action, never to lower it."));
            properties.put(REASON, Map.of("type", "string", "description", "Why, in a few words, for the person."));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        String description = about.path("description").asText();
        if (description.isBlank()) {
            throw new IllegalStateException(WORDS + " gives " + name + " no description");
        }
        return new Spec(name, type, List.copyOf(parameters), new LanguageModel.Tool(name, description, schema));
    }

    /** The JSON schema of a component's type; a type with no schema here is a mistake found at start-up. */
    static Map<String, Object> schemaOf(Type type, String where) {
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            if (raw == Optional.class) {
                return schemaOf(generic.getActualTypeArguments()[0], where);
            }
            if (raw == Map.class && Arrays.stream(generic.getActualTypeArguments()).allMatch(t -> t == String.class)) {
                return Map.of("type", "object", "additionalProperties", Map.of("type", "string"));
            }
            throw new IllegalStateException("no JSON schema for " + type + " of " + where);
        }
        if (type == String.class) return Map.of("type", "string");
        if (type == int.class || type == Integer.class) return Map.of("type", "integer", "minimum", 0);
        if (type == boolean.class || type == Boolean.class) return Map.of("type", "boolean");
        if (type == Duration.class) return Map.of("type", "integer", "minimum", 1);
        if (type == Target.class) return targetSchema();
        if (type instanceof Class<?> c && c.isEnum()) {
            return Map.of("type", "string", "enum", lowerNames(c.getEnumConstants()));
        }
        if (type instanceof Class<?> c && c.isSealed() && c.isInterface()) {
            return oneOfRecords(c, where);
        }
        throw new IllegalStateException("no JSON schema for " + type + " of " + where);
    }

    /** A sealed type as an object with exactly one field, named for the record it means. */
    private static Map<String, Object> oneOfRecords(Class<?> sealed, String where) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            RecordComponent[] components = permitted.getRecordComponents();
            if (components == null || components.length != 1) {
                throw new IllegalStateException("no JSON schema for " + permitted + " of " + where
                        + ": only records of one component are supported");
            }
            properties.put(toolName(permitted), schemaOf(components[0].getGenericType(), where));
        }
        return Map.of("type", "object", "properties", properties, "minProperties", 1, "maxProperties", 1,
                "additionalProperties", false);
    }

    private static Map<String, Object> targetSchema() {
        return Map.of("type", "object",
                "properties", Map.of(
                        "element", Map.of("type", "integer", "minimum", 1,
                                "description", "The element's number in the observation."),
                        "text", Map.of("type", "string",
                                "description", "The element's visible text or name, where it has one.")),
                "minProperties", 1,
                "additionalProperties", false);
    }

    static List<String> lowerNames(Object[] constants) {
        return Arrays.stream(constants).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
    }

    private static JsonNode readWords() {
        try (InputStream in = ActionTools.class.getResourceAsStream(WORDS)) {
            if (in == null) {
                throw new IllegalStateException(WORDS + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + WORDS, e);
        }
    }

    /** For messages: the names of the tools, in order. */
    String list() {
        StringBuilder names = new StringBuilder();
        for (Iterator<String> it = specs.keySet().iterator(); it.hasNext(); ) {
            names.append(it.next());
            if (it.hasNext()) names.append(", ");
        }
        return names.toString();
    }
}
