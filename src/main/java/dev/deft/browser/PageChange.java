package dev.deft.browser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an action changed on the page, in words a loop (or a person) can check: address, title, new text. */
final class PageChange {
    private PageChange() {
    }

    static String between(PageObservation before, PageObservation after) {
        List<String> parts = new ArrayList<>();
        if (before == null || !before.url().equals(after.url())) {
            parts.add("now at " + after.url());
        }
        if (before == null || !before.title().equals(after.title())) {
            parts.add("title \"" + after.title() + "\"");
        }
        if (after.modal().length() > 0 && (before == null || !after.modal().equals(before.modal()))) {
            parts.add("a dialog opened: \"" + after.modal() + "\"");
        } else if (before != null && !before.modal().isEmpty() && after.modal().isEmpty()) {
            parts.add("the dialog closed");
        }
        if (before != null && before.token().equals(after.token())) {
            Set<String> seen = new HashSet<>();
            before.pageElements().forEach(e -> seen.add(words(e)));
            List<String> fresh = new ArrayList<>();
            for (PageElement element : after.pageElements()) {
                String words = words(element);
                if (!words.isBlank() && !seen.contains(words) && !element.isField() && fresh.size() < 3) {
                    fresh.add("\"" + (words.length() > 80 ? words.substring(0, 79) + "…" : words) + "\"");
                }
            }
            if (!fresh.isEmpty()) {
                parts.add("new text " + String.join(", ", fresh));
            }
        }
        return parts.isEmpty() ? "" : String.join("; ", parts);
    }

    private static String words(PageElement element) {
        return element.text().isEmpty() ? element.name() : element.text();
    }
}
