package dev.deft.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deft.core.DeftException;
import dev.deft.core.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A task shown once, to be done again with other values: the phrasings that ask for it, its parameters and its steps.
 * Steps are kept as their JSON objects (see {@code skill.schema.json}); {@link StepActions} turns them into actions.
 *
 * @param revision raised by one each time the skill is changed after it was first saved
 */
public record Skill(String name, String description, int revision, List<String> examples,
                    List<SkillParameter> parameters, List<ObjectNode> steps) {

    public static final int FORMAT_VERSION = 1;
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    public Skill {
        name = Require.nonBlank(name, "name");
        description = description == null ? "" : description;
        Require.positive(revision, "revision");
        examples = List.copyOf(examples);
        parameters = List.copyOf(parameters);
        steps = steps.stream().map(ObjectNode::deepCopy).toList();
    }

    public Optional<SkillParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * This skill with the parameter {@code from} called {@code to}, in its examples and steps as well (same revision).
     *
     * @throws DeftException.Configuration when there is no such parameter, or {@code to} is not a usable name or is taken
     */
    public Skill withParameterRenamed(String from, String to) {
        if (parameter(from).isEmpty()) {
            throw new DeftException.Configuration("The skill " + name + " has no parameter " + from + "; it has "
                    + String.join(", ", parameters.stream().map(SkillParameter::name).toList()) + ".");
        }
        if (from.equals(to)) {
            return this;
        }
        if (to == null || !PARAMETER_NAME.matcher(to).matches()) {
            throw new DeftException.Configuration("A parameter's name is lower-case letters, digits and '_', starting "
                    + "with a letter (such as to or first_name); \"" + to + "\" is not.");
        }
        if (parameter(to).isPresent()) {
            throw new DeftException.Configuration("The skill " + name + " has a parameter " + to + " already.");
        }
        String slotFrom = "{" + from + "}";
        String slotTo = "{" + to + "}";
        List<SkillParameter> renamed = parameters.stream().map(p -> !p.name().equals(from) ? p
                : new SkillParameter(to, p.type(), p.required(), p.defaultValue(), p.example(), p.label(), p.choices()))
                .toList();
        List<ObjectNode> newSteps = steps.stream().map(step -> (ObjectNode) renameSlots(step.deepCopy(), slotFrom, slotTo))
                .toList();
        return new Skill(name, description, revision, examples.stream().map(e -> e.replace(slotFrom, slotTo)).toList(),
                renamed, newSteps);
    }

    /**
     * This skill with several parameters renamed at once ({@code names}: old name to new), so that two may swap names.
     *
     * @throws DeftException.Configuration as {@link #withParameterRenamed} does, or when two would have the same name
     */
    public Skill withParametersRenamed(Map<String, String> names) {
        Map<String, String> changed = new LinkedHashMap<>();
        names.forEach((from, to) -> {
            if (!from.equals(to)) {
                changed.put(from, to);
            }
        });
        Skill renamed = this;
        Map<String, String> halfway = new LinkedHashMap<>();
        for (Map.Entry<String, String> name : changed.entrySet()) {
            String between = "renaming_" + halfway.size();
            renamed = renamed.withParameterRenamed(name.getKey(), between);
            halfway.put(between, name.getValue());
        }
        for (Map.Entry<String, String> name : halfway.entrySet()) {
            renamed = renamed.withParameterRenamed(name.getKey(), name.getValue());
        }
        return renamed;
    }

    private static JsonNode renameSlots(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(renameSlots(field.getValue(), from, to)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, renameSlots(array.get(i), from, to));
            }
        } else if (node.isTextual() && node.asText().contains(from)) {
            return TextNode.valueOf(node.asText().replace(from, to));
        }
        return node;
    }

    /** This skill, changed and one revision on. */
    public Skill revised(List<ObjectNode> newSteps) {
        return new Skill(name, description, revision + 1, examples, parameters, newSteps);
    }
}
