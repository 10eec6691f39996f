package dev.deft.plan;

import dev.deft.core.ObservedElement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of thing a person names by kind ("the button", "a text box", "both password fields", "the 2nd radio
 * button"), each with the roles that are surely that kind and the broader roles a page may use for it (a link
 * styled as a button, a clickable div).
 */
public enum Kind {
    BUTTON(Set.of("button"), Set.of("menuitem", "link", "switch", "tab", "img", "text", "gridcell", "option", "treeitem")),
    LINK(Set.of("link"), Set.of("button", "menuitem", "text", "tab", "gridcell", "treeitem")),
    TAB(Set.of("tab"), Set.of("link", "button")),
    FIELD(Set.of("textbox", "searchbox", "spinbutton"), Set.of("combobox")),
    BOX(Set.of("textbox", "searchbox", "checkbox"), Set.of("spinbutton", "combobox", "switch", "menuitemcheckbox")),
    CHECKBOX(Set.of("checkbox", "menuitemcheckbox"), Set.of("switch")),
    RADIO(Set.of("radio", "menuitemradio"), Set.of("option")),
    OPTION(Set.of("option", "radio", "menuitemradio"), Set.of("checkbox", "menuitem", "treeitem", "listitem", "link", "button")),
    LIST(Set.of("combobox", "listbox"), Set.of("radiogroup", "menu", "button")),
    SWITCH(Set.of("switch"), Set.of("checkbox")),
    MENU_ITEM(Set.of("menuitem", "menuitemcheckbox", "menuitemradio"), Set.of("link", "button", "option", "text", "treeitem")),
    HEADING(Set.of("heading"), Set.of()),
    PARAGRAPH(Set.of("paragraph"), Set.of("text", "cell", "listitem")),
    SLIDER(Set.of("slider"), Set.of("spinbutton")),
    SPINNER(Set.of("spinbutton"), Set.of("textbox", "slider")),
    IMAGE(Set.of("img"), Set.of("canvas", "button", "link"));

    private static final Map<String, Kind> WORDS = Map.ofEntries(
            Map.entry("button", BUTTON), Map.entry("btn", BUTTON), Map.entry("icon", BUTTON),
            Map.entry("link", LINK), Map.entry("hyperlink", LINK),
            Map.entry("tab", TAB),
            Map.entry("field", FIELD), Map.entry("textbox", FIELD), Map.entry("textfield", FIELD),
            Map.entry("input", FIELD), Map.entry("textarea", FIELD), Map.entry("area", FIELD), Map.entry("entry", FIELD),
            Map.entry("box", BOX),
            Map.entry("checkbox", CHECKBOX), Map.entry("tickbox", CHECKBOX),
            Map.entry("radio", RADIO), Map.entry("radiobutton", RADIO),
            Map.entry("option", OPTION), Map.entry("choice", OPTION),
            Map.entry("dropdown", LIST), Map.entry("list", LIST), Map.entry("select", LIST), Map.entry("combobox", LIST),
            Map.entry("listbox", LIST), Map.entry("picker", LIST), Map.entry("menu", LIST),
            Map.entry("switch", SWITCH), Map.entry("toggle", SWITCH),
            Map.entry("menuitem", MENU_ITEM),
            Map.entry("heading", HEADING), Map.entry("title", HEADING), Map.entry("header", HEADING),
            Map.entry("paragraph", PARAGRAPH), Map.entry("passage", PARAGRAPH),
            Map.entry("slider", SLIDER),
            Map.entry("spinner", SPINNER), Map.entry("spinbox", SPINNER), Map.entry("stepper", SPINNER),
            Map.entry("image", IMAGE), Map.entry("picture", IMAGE), Map.entry("photo", IMAGE));

    /** Kinds said in two words, written as one before a phrase is read ("radio button" is "radiobutton"). */
    private static final Map<Pattern, String> TWO_WORDS = Map.of(
            Pattern.compile("(?i)\\bradio[ -]?button(s?)\\b"), "radiobutton$1",
            Pattern.compile("(?i)\\btext[ -]?(?:box|f(?:ie|ei)ld|input)(e?s)?\\b"), "textbox$1",
            Pattern.compile("(?i)\\btext[ -]?area(s?)\\b"), "textarea$1",
            Pattern.compile("(?i)\\binput[ -]?(?:box|field)(e?s)?\\b"), "input$1",
            Pattern.compile("(?i)\\b(?:check|tick)[ -]?box(es)?\\b"), "checkbox$1",
            Pattern.compile("(?i)\\bdrop[ -]?down(?:[ -]?(?:list|menu|box))?(s?)\\b"), "dropdown$1",
            Pattern.compile("(?i)\\b(?:combo|list|select)[ -]?box(es)?\\b"), "combobox$1",
            Pattern.compile("(?i)\\b(?:toggle[ -]?switch|on/off switch)(es)?\\b"), "switch$1",
            Pattern.compile("(?i)\\bmenu[ -]?item(s?)\\b"), "menuitem$1",
            Pattern.compile("(?i)\\bsearch[ -]?bar\\b"), "search field");

    /** The kind words whose typos are still kind words: long, and near no common word. */
    private static final Set<String> MISTYPED = Set.of("button", "field", "checkbox", "textbox", "dropdown",
            "radiobutton", "textfield", "textarea", "hyperlink", "combobox");

    private final Set<String> roles;
    private final Set<String> broader;

    Kind(Set<String> roles, Set<String> broader) {
        this.roles = roles;
        this.broader = broader;
    }

    /** The kind a word names, forgiving one typo in a long word ("feild", "chekbox"); plurals too. */
    static Optional<Kind> of(String word) {
        String w = singular(word.toLowerCase(Locale.ROOT).replaceAll("[.,!?;:]+$", ""));
        Kind exact = WORDS.get(w);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (w.length() >= 5) {
            for (String often : MISTYPED) {
                if (NameLikeness.distance(w, often) == 1) {
                    return Optional.of(WORDS.get(often));
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPlural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return !singular(w).equals(w);
    }

    private static String singular(String word) {
        if (word.endsWith("boxes") || word.endsWith("switches")) {
            return word.substring(0, word.length() - 2);
        }
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    /** The text with kinds said in two words written as one. */
    static String joined(String text) {
        String out = text;
        for (Map.Entry<Pattern, String> entry : TWO_WORDS.entrySet()) {
            out = entry.getKey().matcher(out).replaceAll(entry.getValue());
        }
        return out;
    }

    /** Whether the element is surely of this kind. */
    boolean surely(ObservedElement element) {
        if (this == FIELD && element.role().equals("combobox") && !element.type().equals("select")) {
            return true; // a text box with suggestions is a field
        }
        if (this == SPINNER && element.type().equals("number")) {
            return true;
        }
        return roles.contains(element.role());
    }

    /** Whether the element could be of this kind, as pages build things. */
    boolean maybe(ObservedElement element) {
        if (surely(element)) {
            return true;
        }
        if (broader.contains("text") && element.role().equals("text") && !element.interactive()) {
            return false;
        }
        return broader.contains(element.role());
    }
}
