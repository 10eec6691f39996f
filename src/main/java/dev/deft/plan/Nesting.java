package dev.deft.plan;

import dev.deft.core.ObservedElement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How closely two elements belong together, from the boxes each sits in ({@link ObservedElement#within()}): a
 * link and the text beside it in one table row share the row; two rows share only the table.
 */
final class Nesting {
    static final int NONE = -1;

    private Nesting() {
    }

    /** Whether the surface told the boxes its elements sit in. */
    static boolean known(List<ObservedElement> elements) {
        return elements.stream().anyMatch(e -> !e.within().isEmpty());
    }

    /** The nearest box {@code a} shares with {@code b} (or {@code b} itself, when it holds {@code a}), else {@link #NONE}. */
    static int shared(ObservedElement a, ObservedElement b) {
        for (int box : a.within()) {
            if (box == b.number() || b.within().contains(box)) {
                return box;
            }
        }
        return NONE;
    }

    /** How many boxes up from {@code a} it meets {@code b}: 0 in its own nearest box; large when never. */
    static int distance(ObservedElement a, ObservedElement b) {
        int box = shared(a, b);
        return box == NONE ? Integer.MAX_VALUE : a.within().indexOf(box);
    }

    /**
     * How many of the elements each box holds (an element is in the boxes it sits in, and in itself): counted once,
     * not again for every pair of elements a reading compares.
     */
    static Map<Integer, Integer> holding(List<ObservedElement> elements) {
        Map<Integer, Integer> held = new HashMap<>();
        for (ObservedElement element : elements) {
            Set<Integer> boxes = new HashSet<>(element.within());
            boxes.add(element.number());
            boxes.forEach(box -> held.merge(box, 1, Integer::sum));
        }
        return held;
    }

    /** Whether {@code outer} holds {@code inner}. */
    static boolean holds(ObservedElement outer, ObservedElement inner) {
        return inner.within().contains(outer.number());
    }
}
