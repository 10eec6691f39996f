package dev.deft.plan;

import dev.deft.core.ObservedElement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The button that sends a form: the one nearest the field just filled, or the only button there is. */
final class FormButton {
    private FormButton() {
    }

    static Optional<ObservedElement> of(List<ObservedElement> elements, Optional<ObservedElement> filled) {
        List<ObservedElement> buttons = elements.stream()
                .filter(e -> e.interactive() && e.role().equals("button") && !e.has("disabled")).toList();
        if (buttons.size() == 1) {
            return Optional.of(buttons.get(0));
        }
        if (filled.isEmpty() || buttons.isEmpty() || !Nesting.known(elements)) {
            return Optional.empty();
        }
        ObservedElement field = filled.get();
        List<ObservedElement> nearest = buttons.stream().sorted(Comparator.comparingInt(b -> Nesting.distance(field, b))).toList();
        int closest = Nesting.distance(field, nearest.get(0));
        boolean alone = nearest.size() == 1 || Nesting.distance(field, nearest.get(1)) > closest;
        return closest != Integer.MAX_VALUE && alone ? Optional.of(nearest.get(0)) : Optional.empty();
    }
}
