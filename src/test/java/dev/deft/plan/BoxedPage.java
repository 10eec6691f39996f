package dev.deft.plan;

import dev.deft.core.ObservedElement;
import dev.deft.core.Observation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A page for planner tests whose elements sit in boxes, as a browser observation tells them: {@code open()} begins
 * a box (a row, a card, a form) and {@code close()} ends it; each element added carries the boxes around it.
 */
final class BoxedPage implements Observation {
    private final List<ObservedElement> elements = new ArrayList<>();
    private final Deque<Integer> boxes = new ArrayDeque<>();
    private int next = 1;

    BoxedPage open() {
        boxes.push(next++);
        return this;
    }

    BoxedPage close() {
        boxes.pop();
        return this;
    }

    BoxedPage text(String text) {
        return add("text", text, "", "", Optional.empty(), List.of(), false, List.of());
    }

    BoxedPage button(String name) {
        return add("button", name, "", "submit", Optional.empty(), List.of(), true, List.of());
    }

    BoxedPage link(String name) {
        return add("link", name, "", "", Optional.empty(), List.of(), true, List.of());
    }

    /** A text field; what it holds is left untold, so that a test need not play the page typed into. */
    BoxedPage field(String label) {
        return add("textbox", label, label, "text", Optional.empty(), List.of(), true, List.of());
    }

    BoxedPage field(String label, String type) {
        return add("textbox", label, label, type, Optional.empty(), List.of(), true, List.of());
    }

    BoxedPage checkbox(String label) {
        return add("checkbox", label, label, "checkbox", Optional.empty(), List.of("unchecked"), true, List.of());
    }

    BoxedPage list(String label, String... options) {
        return add("combobox", label, label, "select", Optional.of(options[0]), List.of(), true, List.of(options));
    }

    BoxedPage listbox(String label, String... options) {
        return add("listbox", label, label, "select", Optional.empty(), List.of(), true, List.of(options));
    }

    /** An element with a role and name of its own choosing, interactive or not. */
    BoxedPage element(String role, String name, boolean interactive, String... states) {
        return add(role, name, "", "", Optional.empty(), List.of(states), interactive, List.of());
    }

    /** An element that holds the ones added until {@code close()}: a clickable card, a labelled wrapper. */
    BoxedPage holding(String role, String name, boolean interactive) {
        add(role, name, "", "", Optional.empty(), List.of(), interactive, List.of());
        boxes.push(next - 1);
        return this;
    }

    private BoxedPage add(String role, String name, String label, String type, Optional<String> value, List<String> states,
                          boolean interactive, List<String> options) {
        elements.add(new ObservedElement(next++, role, name, "", label, value, "", states, "", options, true, interactive,
                type, List.copyOf(boxes)));
        return this;
    }

    ObservedElement named(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    List<ObservedElement> allNamed(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).toList();
    }

    @Override
    public List<ObservedElement> elements() {
        return elements;
    }

    @Override
    public String surface() {
        return "browser";
    }

    @Override
    public String render(int maxChars) {
        return elements.toString();
    }
}
