package dev.deft.plan;

import dev.deft.core.ObservedElement;
import dev.deft.core.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A page for planner tests, written as the list of elements an observation would give. */
final class ElementsPage implements Observation {
    private final List<ObservedElement> elements = new ArrayList<>();

    ElementsPage button(String name, String context) {
        return add("button", name, "", Optional.empty(), context, List.of(), List.of());
    }

    ElementsPage link(String name, String context) {
        return add("link", name, "", Optional.empty(), context, List.of(), List.of());
    }

    ElementsPage text(String text, String context) {
        elements.add(new ObservedElement(elements.size() + 1, "text", "", text, "", Optional.empty(), "", List.of(),
                context, List.of(), true, false));
        return this;
    }

    ElementsPage field(String label, String value) {
        return add("textbox", label, label, Optional.of(value), "", List.of(), List.of());
    }

    ElementsPage search(String placeholder) {
        elements.add(new ObservedElement(elements.size() + 1, "searchbox", "", "", "", Optional.of(""), placeholder,
                List.of(), "", List.of(), true, true));
        return this;
    }

    ElementsPage checkbox(String label, boolean checked) {
        return add("checkbox", label, label, Optional.empty(), "", List.of(checked ? "checked" : "unchecked"), List.of());
    }

    ElementsPage list(String label, String... options) {
        return add("combobox", label, label, Optional.of(options[0]), "", List.of(), List.of(options));
    }

    private ElementsPage add(String role, String name, String label, Optional<String> value, String context,
                             List<String> states, List<String> options) {
        elements.add(new ObservedElement(elements.size() + 1, role, name, "", label, value, "", states, context,
                options, true, true));
        return this;
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
