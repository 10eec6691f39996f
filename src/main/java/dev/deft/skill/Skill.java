package dev.deft.skill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.Require;
import java.util.List;
import java.util.Optional;

/**
 * A task shown once, to be done again with other values: the phrasings that ask for it, its parameters and its steps.
 * Steps are kept as their JSON objects (see {@code skill.schema.json}); {@link StepActions} turns them into actions.
 *
 * @param revision raised by one each time the skill is changed after it was first saved
 */
public record Skill(String name, String description, int revision, List<String> examples,
                    List<SkillParameter> parameters, List<ObjectNode> steps) {

    public static final int FORMAT_VERSION = 1;

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

    /** This skill, changed and one revision on. */
    public Skill revised(List<ObjectNode> newSteps) {
        return new Skill(name, description, revision + 1, examples, parameters, newSteps);
    }
}
