package dev.deft.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Several things named in one breath, split where the page says they are several: "ab1, cd2 and ef3" is three
 * items, "Heard Island and McDonald Islands, Nicaragua" two, because the page has an option of the first name.
 */
final class Items {
    private Items() {
    }

    /** The items of the text; the text itself, as one item, when it names one thing or cannot be split. */
    static List<String> split(String text, Predicate<String> isThing) {
        List<String> items = new ArrayList<>();
        for (String piece : text.split("\\s*[,;]\\s*")) {
            String p = piece.replaceFirst("(?i)^(?:and|or|&)\\s+", "").strip();
            if (p.isEmpty()) {
                continue;
            }
            if (isThing.test(p)) {
                items.add(p);
                continue;
            }
            String[] parts = p.split("(?i)\\s+(?:and|or|&|as well as)\\s+");
            for (String part : parts) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        return items.isEmpty() ? List.of(text.strip()) : items;
    }
}
