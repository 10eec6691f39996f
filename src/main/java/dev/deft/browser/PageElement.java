package dev.deft.browser;

import dev.deft.core.Locator;
import dev.deft.core.Target;
import java.util.List;
import java.util.Optional;

/**
 * One element of a page as the observer saw it: what a person would call it, what it holds, and where it is.
 *
 * @param number      its number on this page, kept while it stays there
 * @param order       its place in document order in this observation
 * @param name        its accessible name (aria-label, label, alt, title, text…)
 * @param text        its visible text, where that differs from the name
 * @param label       the text of its label, where that differs from the name
 * @param value       what a field holds; passwords only as dots
 * @param states      checked, unchecked, disabled, expanded, collapsed, selected, required, readonly, focused
 * @param context     the heading of the card, row or form it sits in
 * @param interactive whether a person can act on it (otherwise it is text to read)
 * @param frame       the numbers of the iframes it is inside, outermost first; empty on the page itself
 * @param form        the number of the form it belongs to on this page, 0 when it is in none
 * @param autocomplete its {@code autocomplete} attribute ({@code cc-number}, {@code new-password}…), else empty
 * @param within      the numbers of the boxes it sits in, nearest first (see {@link dev.deft.core.ObservedElement})
 */
public record PageElement(int number, int order, String role, String tag, String name, String text, String label,
                          Optional<String> value, String placeholder, List<String> states, String context,
                          List<String> options, String href, String type, boolean inView, boolean interactive,
                          Box box, List<Integer> frame, int form, String autocomplete, List<Integer> within) {

    /** Where the element is, in CSS pixels from the top left of the viewport. */
    public record Box(int x, int y, int width, int height) {
        public double centreX() { return x + width / 2.0; }
        public double centreY() { return y + height / 2.0; }
    }

    public PageElement {
        name = name == null ? "" : name;
        text = text == null ? "" : text;
        label = label == null ? "" : label;
        value = value == null ? Optional.empty() : value;
        placeholder = placeholder == null ? "" : placeholder;
        states = List.copyOf(states == null ? List.of() : states);
        context = context == null ? "" : context;
        options = List.copyOf(options == null ? List.of() : options);
        href = href == null ? "" : href;
        type = type == null ? "" : type;
        frame = List.copyOf(frame == null ? List.of() : frame);
        autocomplete = autocomplete == null ? "" : autocomplete;
        within = List.copyOf(within == null ? List.of() : within);
    }

    public boolean has(String state) {
        return states.contains(state);
    }

    /** The words a person sees on it: its text, or its name when it has no text. */
    public String visibleText() {
        return text.isEmpty() ? (interactive && !isField() ? name : "") : text;
    }

    public boolean isField() {
        return switch (role) {
            case "textbox", "searchbox", "combobox", "listbox", "spinbutton", "slider", "checkbox", "radio", "file",
                 "switch" -> true;
            default -> tag.equals("input") || tag.equals("textarea") || tag.equals("select");
        };
    }

    /** Whether text can be typed into it: a text field, a text area, an editable region; not a box, a list or a file. */
    public boolean takesText() {
        return switch (role) {
            case "textbox", "searchbox", "spinbutton" -> true;
            case "checkbox", "radio", "switch", "file", "listbox", "slider", "button" -> false;
            case "combobox" -> !tag.equals("select");
            default -> tag.equals("textarea") || tag.equals("input") && !List.of("checkbox", "radio", "file", "submit",
                    "button", "reset", "image", "range", "color", "hidden").contains(type);
        };
    }

    /**
     * This element as a target that means it and nothing else: its number on this page, with the name a person reads
     * on it (never what a field holds).
     */
    public Target asTarget() {
        String shown = takesText() ? firstOf(label, placeholder, name.equals(text) ? "" : name)
                : firstOf(name, text, placeholder);
        Target byNumber = Target.byNumber(number);
        return shown.isBlank() ? byNumber : byNumber.or(new Locator.Name(shown));
    }

    private static String firstOf(String... texts) {
        for (String text : texts) {
            if (!text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    /** How an error message or a timeline card names it: {@code button "Add to cart" (#12)}. */
    public String describe() {
        String shown = name.isEmpty() ? (text.isEmpty() ? placeholder : text) : name;
        return role + (shown.isEmpty() ? "" : " \"" + shown + "\"") + (context.isEmpty() ? "" : " in \"" + context + "\"")
                + " (#" + number + ")";
    }

    /** One line for a planner. */
    String line() {
        StringBuilder line = new StringBuilder().append('[').append(number).append("] ").append(role);
        if (!name.isEmpty()) line.append(" \"").append(name).append('"');
        if (!text.isEmpty()) line.append(" text \"").append(text).append('"');
        if (!label.isEmpty()) line.append(" label \"").append(label).append('"');
        value.ifPresent(v -> line.append(" value \"").append(v).append('"'));
        if (!placeholder.isEmpty() && !placeholder.equals(name)) line.append(" placeholder \"").append(placeholder).append('"');
        if (!options.isEmpty()) line.append(" options ").append(options);
        if (!states.isEmpty()) line.append(" (").append(String.join(", ", states)).append(')');
        if (!href.isEmpty()) line.append(" -> ").append(href);
        if (!context.isEmpty()) line.append(" in \"").append(context).append('"');
        if (!frame.isEmpty()) line.append(" [in frame #").append(frame.get(frame.size() - 1)).append(']');
        if (!inView) line.append(" [off-screen]");
        return line.toString();
    }
}
