package dev.deft.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.LanguageModel;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.PlannedAction;
import dev.deft.core.RiskClass;
import dev.deft.core.Target;
import dev.deft.safety.SecretMask;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a model's tool call into a {@link PlannedAction}, or refuses it with a sentence the model can act on:
 * an unknown tool, arguments that are not JSON or do not fit the tool's schema, an element number the observation
 * does not have, a secret placeholder with no secret behind it, an address that is not http(s). Nothing invalid
 * becomes an action.
 */
final class ToolCallReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call refused; the message is what the model is told. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final ActionTools tools;
    private final ExternalToolNames external;
    private final SecretMask secrets;

    ToolCallReader(ActionTools tools, SecretMask secrets) {
        this(tools, ExternalToolNames.none(), secrets);
    }

    ToolCallReader(ActionTools tools, ExternalToolNames external, SecretMask secrets) {
        this.tools = tools;
        this.external = external;
        this.secrets = secrets;
    }

    PlannedAction read(LanguageModel.ToolCall call, Observation observation) throws Refused {
        if (external.tool(call.name()).isPresent()) {
            return readExternal(call);
        }
        ActionTools.Spec spec = tools.spec(call.name()).orElseThrow(() -> new Refused(
                "There is no tool \"" + call.name() + "\". The tools are: " + tools.list()
                        + (external.names().isEmpty() ? "" : ", " + String.join(", ", external.names())) + "."));
        JsonNode arguments = argumentsOf(call);
        List<String> problems = SchemaCheck.problems(spec.tool().parameters(), arguments, call.name());
        if (!problems.isEmpty()) {
            throw new Refused(String.join("; ", problems) + ".");
        }
        Action action = construct(spec, arguments, observation);
        checkSecrets(call.name(), arguments);
        RiskClass claimed = arguments.hasNonNull(ActionTools.RISK)
                ? RiskClass.valueOf(arguments.get(ActionTools.RISK).asText().toUpperCase(Locale.ROOT))
                : RiskClass.READ;
        String reason = arguments.path(ActionTools.REASON).asText("");
        return new PlannedAction(action, claimed, reason);
    }

    /** A call of an MCP server's tool: checked against the schema the server gave, then passed on as it is. */
    private PlannedAction readExternal(LanguageModel.ToolCall call) throws Refused {
        dev.deft.core.ExternalTool tool = external.tool(call.name()).orElseThrow();
        JsonNode arguments = argumentsOf(call);
        List<String> problems = SchemaCheck.problems(external.schema(call.name()).orElseThrow(), arguments, call.name());
        if (!problems.isEmpty()) {
            throw new Refused(String.join("; ", problems) + ".");
        }
        checkSecrets(call.name(), arguments);
        return new PlannedAction(new Action.CallTool(tool.server(), tool.name(), arguments.toString()), RiskClass.READ,
                "");
    }

    private static JsonNode argumentsOf(LanguageModel.ToolCall call) throws Refused {
        JsonNode arguments;
        try {
            arguments = JSON.readTree(call.arguments());
        } catch (JsonProcessingException e) {
            throw new Refused("The arguments of " + call.name() + " are not valid JSON ("
                    + e.getOriginalMessage().replaceAll("\\s*\\(.*", "") + "). Send the call again with a JSON object.");
        }
        if (arguments == null || !arguments.isObject()) {
            throw new Refused("The arguments of " + call.name() + " must be a JSON object, were " + call.arguments() + ".");
        }
        return arguments;
    }

    private Action construct(ActionTools.Spec spec, JsonNode arguments, Observation observation) throws Refused {
        RecordComponent[] components = spec.type().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            ActionTools.Parameter parameter = spec.parameter(components[i].getName()).orElseThrow();
            types[i] = components[i].getType();
            JsonNode given = arguments.get(parameter.name());
            String where = spec.name() + "." + parameter.name();
            if (given == null || given.isNull()) {
                values[i] = parameter.fallback().isPresent()
                        ? value(components[i].getGenericType(), JSON.valueToTree(parameter.fallback().get()), where, observation)
                        : components[i].getType() == Optional.class ? Optional.empty() : null;
            } else {
                values[i] = value(components[i].getGenericType(), given, where, observation);
            }
        }
        try {
            Constructor<? extends dev.deft.core.Action> canonical = spec.type().getDeclaredConstructor(types);
            Action action = canonical.newInstance(values);
            if (action instanceof Action.OpenUrl open) {
                checkAddress(open.url());
            }
            return action;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new Refused(spec.name() + " was refused: " + (cause == null ? e : cause.getMessage()) + ".");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + spec.type().getSimpleName(), e);
        }
    }

    /** A value of the component's type from JSON that has already passed the schema. */
    private Object value(Type type, JsonNode json, String where, Observation observation) throws Refused {
        if (type instanceof ParameterizedType generic) {
            if (generic.getRawType() == Optional.class) {
                return Optional.of(value(generic.getActualTypeArguments()[0], json, where, observation));
            }
            Map<String, String> map = new LinkedHashMap<>();
            json.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
            return map;
        }
        if (type == String.class) return json.asText();
        if (type == int.class || type == Integer.class) return json.asInt();
        if (type == boolean.class || type == Boolean.class) return json.asBoolean();
        if (type == Duration.class) return Duration.ofSeconds(json.asLong());
        if (type == Target.class) return target(json, where, observation);
        if (type instanceof Class<?> c && c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(json.asText())) {
                    return constant;
                }
            }
            throw new Refused(where + " has no value \"" + json.asText() + "\".");
        }
        if (type == Condition.class) {
            String kind = json.fieldNames().next();
            for (Class<?> permitted : Condition.class.getPermittedSubclasses()) {
                if (ActionTools.toolName(permitted).equals(kind)) {
                    RecordComponent only = permitted.getRecordComponents()[0];
                    Object inner = value(only.getGenericType(), json.get(kind), where + "." + kind, observation);
                    try {
                        return permitted.getDeclaredConstructor(only.getType()).newInstance(inner);
                    } catch (InvocationTargetException e) {
                        throw new Refused(where + " was refused: " + e.getCause().getMessage() + ".");
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot make " + permitted.getSimpleName(), e);
                    }
                }
            }
        }
        throw new IllegalStateException("no reading for " + type + " of " + where);
    }

    /**
     * A target by element number (checked against the observation, and carrying the element's name so that the risk
     * policy sees what it says) and by the text the model gave.
     */
    private static Target target(JsonNode json, String where, Observation observation) throws Refused {
        List<Locator> locators = new ArrayList<>();
        if (json.hasNonNull("element")) {
            int number = json.get("element").asInt();
            Map<Integer, String> elements = numbered(observation);
            if (!elements.containsKey(number)) {
                throw new Refused(where + ": there is no element " + number + " in the observation"
                        + (elements.isEmpty() ? "; this screen numbers no elements, so name the target by its text"
                        : "; the elements are " + range(elements.keySet())) + ".");
            }
            locators.add(new Locator.ElementNumber(number));
            String name = elements.get(number);
            if (name != null && !name.isBlank()) {
                locators.add(new Locator.Name(name.strip()));
            }
        }
        if (json.hasNonNull("text") && !json.get("text").asText().isBlank()) {
            Locator text = new Locator.Text(json.get("text").asText());
            if (!locators.contains(text)) {
                locators.add(text);
            }
        }
        if (locators.isEmpty()) {
            throw new Refused(where + " needs an element number or a text.");
        }
        return new Target(locators);
    }

    private static String range(Set<Integer> numbers) {
        TreeSet<Integer> sorted = new TreeSet<>(numbers);
        boolean contiguous = sorted.last() - sorted.first() + 1 == sorted.size();
        return contiguous ? sorted.first() + "–" + sorted.last() : sorted.toString();
    }

    private void checkSecrets(String tool, JsonNode arguments) throws Refused {
        Set<String> unknown = secrets.unknownPlaceholders(arguments.toString());
        if (!unknown.isEmpty()) {
            throw new Refused(tool + " names secrets Deft does not have: " + unknown
                    + (secrets.names().isEmpty() ? "; no secrets are set up, so ask the person with ask_user"
                    : "; the secrets are " + secrets.names()) + ".");
        }
    }

    private static void checkAddress(String url) throws Refused {
        try {
            String scheme = URI.create(url).getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new Refused("open_url takes an http or https address, was " + url + ".");
            }
        } catch (IllegalArgumentException e) {
            throw new Refused("open_url: " + url + " is not an address (" + e.getMessage() + ").");
        }
    }

    /** The observation's element numbers, each with the name or text a person sees on it. */
    static Map<Integer, String> numbered(dev.deft.core.Observation observation) {
        Map<Integer, String> numbered = new java.util.LinkedHashMap<>();
        for (dev.deft.core.ObservedElement element : observation.elements()) {
            numbered.putIfAbsent(element.number(), !element.name().isBlank() ? element.name() : element.text());
        }
        return numbered;
    }
}
