package dev.deft.browser;

import dev.deft.core.Locator;
import dev.deft.core.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who a target says its element is: its kind (the role it was recorded with) and the words it was known by (name,
 * label, text, placeholder). An element that a locator of structure (CSS, XPath) lands on must agree with both, or it
 * is not the element the target meant, however exactly the selector matched: a recorded "Save" whose id now sits on
 * a "Delete" button is not found, it is something else in its place.
 */
record TargetIdentity(String role, List<String> words) {
    /** How alike two names must be to be the same name, reworded a little ("Save" and "Save changes"). */
    static final double SAME_NAME = 0.6;

    TargetIdentity {
        role = role == null ? "" : role;
        words = List.copyOf(words);
    }

    static TargetIdentity of(Target target) {
        String role = "";
        List<String> words = new ArrayList<>();
        for (Locator locator : target.locators()) {
            if (locator instanceof Locator.Role r) {
                role = role.isEmpty() ? r.role() : role;
                add(words, r.name());
            } else if (locator instanceof Locator.Name n) {
                add(words, n.name());
            } else if (locator instanceof Locator.Label l) {
                add(words, l.label());
            } else if (locator instanceof Locator.Text t) {
                add(words, t.text());
            } else if (locator instanceof Locator.Placeholder p) {
                add(words, p.placeholder());
            }
        }
        return new TargetIdentity(role, words);
    }

    /**
     * Why {@code element}, found by {@code by}, is another kind of thing than the target was recorded on (a text field
     * where a button was); empty when the kinds agree or the target has no recorded kind. A number was given by
     * whoever looked at the page, and stands.
     */
    Optional<String> otherKind(PageElement element, Locator by) {
        if (by instanceof Locator.ElementNumber || role.isEmpty()
                || Kind.of(role, "", true).agreesWith(Kind.of(element.role(), element.tag(), element.interactive()))) {
            return Optional.empty();
        }
        return Optional.of("it found " + element.describe() + ", not a " + role);
    }

    /**
     * Why {@code element}, which a selector ({@code by}: CSS or XPath) found, is not the thing the target named: none
     * of its names is one of the target's words. A locator of words agrees on the words by finding the element.
     */
    Optional<String> otherName(PageElement element, Locator by) {
        boolean structural = by instanceof Locator.Css || by instanceof Locator.XPath;
        if (!structural || words.isEmpty() || namedAlike(element)) {
            return Optional.empty();
        }
        return Optional.of(said() + "; " + by + " found " + element.describe() + " in its place");
    }

    /** Whether one of the element's names is one of the target's words, reworded a little at most. */
    boolean namedAlike(PageElement element) {
        List<String> own = List.of(element.name(), element.text(), element.label(), element.placeholder());
        return words.stream().anyMatch(word -> own.stream().anyMatch(name -> alike(word, name)));
    }

    static boolean alike(String wanted, String name) {
        return TextMatch.score(wanted, name) >= SAME_NAME || TextMatch.score(squashed(wanted), squashed(name)) >= SAME_NAME;
    }

    /** Letters and digits only, words kept apart: "E-mail" and "Email" alike. */
    private static String squashed(String text) {
        return TextMatch.normal(text).replaceAll("[^\\p{L}\\p{N} ]+", "");
    }

    private String said() {
        String kind = role.isEmpty() ? "the step looked for" : "the step looked for a " + role;
        return words.isEmpty() ? kind : kind + " " + words.stream().map(w -> '"' + w + '"')
                .collect(Collectors.joining(" or "));
    }

    private static void add(List<String> words, String word) {
        if (word != null && !word.isBlank() && !words.contains(word.strip())) {
            words.add(word.strip());
        }
    }

    /** What a person does with a thing, which a redesign keeps: press it, type in it, tick it, pick from it. */
    enum Kind {
        PRESS, ENTRY, TOGGLE, CHOICE, COMBO, OTHER, TEXT;

        /** @param interactive whether a person can act on it: a thing of no known role that cannot is text */
        static Kind of(String role, String tag, boolean interactive) {
            return switch (role) {
                case "button", "link", "menuitem", "tab", "treeitem", "option" -> PRESS;
                case "textbox", "searchbox", "spinbutton" -> ENTRY;
                case "combobox" -> tag.equals("select") ? CHOICE : COMBO;
                case "checkbox", "switch", "radio", "menuitemcheckbox", "menuitemradio" -> TOGGLE;
                case "listbox" -> CHOICE;
                default -> interactive ? OTHER : TEXT;
            };
        }

        /**
         * A clickable thing of no known role may be anything; a combo box is a field and a list at once; text that
         * cannot be acted on is none of the kinds a step acts on; known kinds must be the same.
         */
        boolean agreesWith(Kind other) {
            if (this == other || this == OTHER || other == OTHER) {
                return true;
            }
            if (this == COMBO || other == COMBO) {
                Kind rest = this == COMBO ? other : this;
                return rest == ENTRY || rest == CHOICE;
            }
            return false;
        }
    }
}
