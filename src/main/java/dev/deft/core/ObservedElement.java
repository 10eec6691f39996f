package dev.deft.core;

import java.util.List;
import java.util.Optional;

/**
 * One thing on a surface as a planner may name it: the number the observation gave it, and what a person sees.
 *
 * @param context     the heading of the card, row or form it sits in ("USB-C cable 2 m")
 * @param interactive whether a person can act on it, rather than only read it
 */
public record ObservedElement(int number, String role, String name, String text, String label, Optional<String> value,
                              String placeholder, List<String> states, String context, List<String> options,
                              boolean inView, boolean interactive) {
    public ObservedElement {
        role = role == null ? "" : role;
        name = name == null ? "" : name;
        text = text == null ? "" : text;
        label = label == null ? "" : label;
        value = value == null ? Optional.empty() : value;
        placeholder = placeholder == null ? "" : placeholder;
        states = List.copyOf(states == null ? List.of() : states);
        context = context == null ? "" : context;
        options = List.copyOf(options == null ? List.of() : options);
    }

    public boolean has(String state) {
        return states.contains(state);
    }

    /** Whether a person types into it or picks in it, rather than pressing it. */
    public boolean isField() {
        return List.of("textbox", "searchbox", "combobox", "listbox", "spinbutton", "checkbox", "radio", "switch",
                "slider").contains(role);
    }
}
