package dev.deft.skill;

import dev.deft.core.DeftException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A value a skill's run fills in: the slot {@code {name}} in its examples and steps.
 *
 * @param label the field the value was typed into when the skill was recorded, for a form that asks for it
 * @param defaultValue the value when a run gives none; for a secret, the vault's name for it
 */
public record SkillParameter(String name, Type type, boolean required, Optional<String> defaultValue, String example,
                             String label, List<String> choices) {

    public enum Type {
        TEXT, NUMBER, DATE, CHOICE, SECRET;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SkillParameter {
        defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
        example = example == null ? "" : example;
        label = label == null ? "" : label;
        choices = List.copyOf(choices == null ? List.of() : choices);
    }

    /**
     * The value as a step uses it: a number or a date checked, a choice one of its choices (matched without case), a
     * secret as its {@code {{secret:NAME}}} placeholder.
     *
     * @throws DeftException.Configuration saying which parameter and what it takes
     */
    public String accept(String value) {
        String given = value.strip();
        switch (type) {
            case NUMBER -> {
                if (!given.matches("-?\\d+([.,]\\d+)?")) {
                    throw new DeftException.Configuration("The parameter " + name + " takes a number, not \"" + given + "\".");
                }
                return given;
            }
            case DATE -> {
                try {
                    return LocalDate.parse(given).toString();
                } catch (DateTimeParseException e) {
                    throw new DeftException.Configuration("The parameter " + name + " takes a date as YYYY-MM-DD, not \""
                            + given + "\".");
                }
            }
            case CHOICE -> {
                return choices.stream().filter(c -> c.equalsIgnoreCase(given)).findFirst()
                        .orElseThrow(() -> new DeftException.Configuration("The parameter " + name + " is one of "
                                + String.join(", ", choices) + ", not \"" + given + "\"."));
            }
            case SECRET -> {
                String secret = given.startsWith("{{secret:") && given.endsWith("}}")
                        ? given.substring(9, given.length() - 2) : given;
                dev.deft.core.Vault.checkName(secret);
                return "{{secret:" + secret + "}}";
            }
            default -> {
                return value;
            }
        }
    }
}
