package dev.deft.skill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.RecordedStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a recording into a skill: what the person typed or chose becomes a parameter named after the field's label,
 * with what they typed as its example and default; a password becomes a secret parameter whose default is the
 * vault's name for it. The person's example phrasings name the parameters in {@code {slots}}; without any, one is
 * made from the skill's name and its parameters.
 */
public final class SkillDrafts {
    private SkillDrafts() {
    }

    /** @throws DeftException.Configuration when {@code name} cannot name a skill */
    public static String checkName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new DeftException.Configuration("A skill's name is lower-case words joined by '-', such as "
                    + "send-email; \"" + name + "\" is not.");
        }
        return name;
    }

    public static Skill fromRecording(String name, String description, List<String> examples, List<RecordedStep> steps) {
        checkName(name);
        if (steps.isEmpty()) {
            throw new DeftException.Configuration("Nothing was recorded: do the task in the browser window before "
                    + "stopping.");
        }
        Map<String, SkillParameter> parameters = new LinkedHashMap<>();
        List<ObjectNode> written = new ArrayList<>();
        for (RecordedStep step : steps) {
            ObjectNode node = StepActions.toStep(step.action());
            if (step.action() instanceof Action.Type typed && (step.secret() || !typed.text().isBlank())) {
                String parameter = unique(slug(step.field(), step.secret() ? "password" : "text"), parameters);
                if (step.secret()) {
                    String vaultName = typed.text().substring(9, typed.text().length() - 2);
                    parameters.put(parameter, new SkillParameter(parameter, SkillParameter.Type.SECRET, false,
                            Optional.of(vaultName), vaultName, step.field(), List.of()));
                } else {
                    parameters.put(parameter, new SkillParameter(parameter, SkillParameter.Type.TEXT, false,
                            Optional.of(typed.text()), typed.text(), step.field(), List.of()));
                }
                node.put("text", "{" + parameter + "}");
            } else if (step.action() instanceof Action.Select chosen) {
                String parameter = unique(slug(step.field(), "choice"), parameters);
                parameters.put(parameter, new SkillParameter(parameter, SkillParameter.Type.TEXT, false,
                        Optional.of(chosen.option()), chosen.option(), step.field(), List.of()));
                node.put("option", "{" + parameter + "}");
            }
            written.add(node);
        }
        List<String> phrasings = examples.isEmpty() ? List.of(madeUpExample(name, parameters)) : List.copyOf(examples);
        Skill skill = new Skill(name, description, 1, phrasings, List.copyOf(parameters.values()), written);
        StepActions.check(skill);
        return skill;
    }

    /** "send-email" with to, subject and message: {@code send email {to} {subject} {message}}. */
    private static String madeUpExample(String name, Map<String, SkillParameter> parameters) {
        StringBuilder example = new StringBuilder(name.replace('-', ' '));
        parameters.values().stream().filter(p -> p.type() != SkillParameter.Type.SECRET)
                .forEach(p -> example.append(' ').append(p.name().replace('_', ' ')).append(" {").append(p.name()).append('}'));
        return example.toString();
    }

    private static String slug(String label, String otherwise) {
        String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            return otherwise;
        }
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("_+$", "") : slug;
    }

    private static String unique(String name, Map<String, SkillParameter> taken) {
        String candidate = name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
