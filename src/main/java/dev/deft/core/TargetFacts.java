package dev.deft.core;

import java.util.List;

/**
 * What a surface knows about the element a target points at and the form around it: what the risk policy reads
 * to class an action, and what an approval card shows as the payload. Values of secret fields are never here.
 *
 * @param role         the element's ARIA role ({@code button}, {@code link}, {@code textbox}…)
 * @param text         its visible text, or for the desktop the OCR text at and around it
 * @param name         its accessible name
 * @param inputType    an input's {@code type} ({@code password}, {@code submit}…), else empty
 * @param autocomplete an input's {@code autocomplete} ({@code cc-number}, {@code new-password}…), else empty
 * @param submits      whether acting on it submits its form (a submit button, Enter in a field)
 * @param form         the fields of the form it belongs to, in page order; empty outside a form
 * @param nearby       text shown around it in the same form or section ("You pay $24.90 for 2 items")
 */
public record TargetFacts(String role, String text, String name, String inputType, String autocomplete,
                          boolean submits, List<Field> form, List<String> nearby) {

    public TargetFacts {
        role = orEmpty(role);
        text = orEmpty(text);
        name = orEmpty(name);
        inputType = orEmpty(inputType);
        autocomplete = orEmpty(autocomplete);
        form = List.copyOf(form == null ? List.of() : form);
        nearby = List.copyOf(nearby == null ? List.of() : nearby);
    }

    public TargetFacts(String role, String text, String name, String inputType, String autocomplete, boolean submits,
                       List<Field> form) {
        this(role, text, name, inputType, autocomplete, submits, form, List.of());
    }

    /** One field of a form, with the value it holds now (masked by the surface when it is a secret). */
    public record Field(String label, String name, String inputType, String autocomplete, String value) {
        public Field {
            label = orEmpty(label);
            name = orEmpty(name);
            inputType = orEmpty(inputType);
            autocomplete = orEmpty(autocomplete);
            value = orEmpty(value);
        }

        /** The words a person or a rule would read the field by. */
        public String words() {
            return String.join(" ", label, name, inputType, autocomplete);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
