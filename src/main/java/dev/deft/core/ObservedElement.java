package dev.deft.core;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One thing on a surface as a planner may name it: the number the observation gave it, and what a person sees.
 *
 * @param context     the heading of the card, row or form it sits in ("USB-C cable 2 m")
 * @param interactive whether a person can act on it, rather than only read it
 * @param type        what kind of input it is, where the surface says ({@code date}, {@code password},
 *                    {@code textarea}, {@code select}, {@code submit}…), else empty
 * @param within      the numbers of the boxes it sits in, nearest first, where the surface knows them: two elements
 *                    share a box as closely as they belong together (a row, a card, a form)
 */
public record ObservedElement(int number, String role, String name, String text, String label, Optional<String> value,
                              String placeholder, List<String> states, String context, List<String> options,
                              boolean inView, boolean interactive, String type, List<Integer> within) {
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
        type = type == null ? "" : type;
        within = List.copyOf(within == null ? List.of() : within);
    }

    /** An element of a surface that tells neither its input types nor its boxes. */
    public ObservedElement(int number, String role, String name, String text, String label, Optional<String> value,
                           String placeholder, List<String> states, String context, List<String> options,
                           boolean inView, boolean interactive) {
        this(number, role, name, text, label, value, placeholder, states, context, options, inView, interactive, "",
                List.of());
    }

    /** The same element with the words a person could read on it passed through {@code words} (to mask secrets). */
    public ObservedElement withWords(UnaryOperator<String> words) {
        return new ObservedElement(number, role, words.apply(name), words.apply(text), label, value.map(words),
                placeholder, states, words.apply(context), options, inView, interactive, type, within);
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
