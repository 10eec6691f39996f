package dev.deft.core;

import java.util.Locale;

/** One way of finding a thing on a surface; a {@link Target} carries several so that a changed page still matches. */
public sealed interface Locator {

    /** Visible text of the element. */
    record Text(String text) implements Locator {
        public Text { text = Require.nonBlank(text, "text"); }
        @Override public String toString() { return "text " + quote(text); }
    }

    /** Accessible name (aria-label, label, alt, title…). */
    record Name(String name) implements Locator {
        public Name { name = Require.nonBlank(name, "name"); }
        @Override public String toString() { return "name " + quote(name); }
    }

    /** The label of a form field. */
    record Label(String label) implements Locator {
        public Label { label = Require.nonBlank(label, "label"); }
        @Override public String toString() { return "label " + quote(label); }
    }

    /** A field's placeholder text. */
    record Placeholder(String placeholder) implements Locator {
        public Placeholder { placeholder = Require.nonBlank(placeholder, "placeholder"); }
        @Override public String toString() { return "placeholder " + quote(placeholder); }
    }

    /** An ARIA role, optionally with an accessible name. */
    record Role(String role, String name) implements Locator {
        public Role {
            role = Require.nonBlank(role, "role").toLowerCase(Locale.ROOT);
            name = name == null || name.isBlank() ? "" : name.strip();
        }
        @Override public String toString() { return name.isEmpty() ? "role " + role : "role " + role + " " + quote(name); }
    }

    /** A CSS selector. */
    record Css(String selector) implements Locator {
        public Css { selector = Require.nonBlank(selector, "selector"); }
        @Override public String toString() { return "css " + quote(selector); }
    }

    /** An XPath expression. */
    record XPath(String expression) implements Locator {
        public XPath { expression = Require.nonBlank(expression, "expression"); }
        @Override public String toString() { return "xpath " + quote(expression); }
    }

    /** The element closest to some visible text. */
    record NearText(String text) implements Locator {
        public NearText { text = Require.nonBlank(text, "text"); }
        @Override public String toString() { return "near " + quote(text); }
    }

    /** The number an observation gave the element. */
    record ElementNumber(int number) implements Locator {
        public ElementNumber { Require.positive(number, "number"); }
        @Override public String toString() { return "element #" + number; }
    }

    /** An image patch on the screen, matched at or above a similarity, clicked at an offset from its centre. */
    record Image(String path, double similarity, int offsetX, int offsetY) implements Locator {
        public Image {
            path = Require.nonBlank(path, "path");
            if (similarity <= 0 || similarity > 1) {
                throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
            }
        }
        @Override public String toString() { return "image " + quote(path); }
    }

    /** Text read from the screen by OCR. */
    record ScreenText(String text) implements Locator {
        public ScreenText { text = Require.nonBlank(text, "text"); }
        @Override public String toString() { return "screen text " + quote(text); }
    }

    /** Absolute screen coordinates: the last resort. */
    record Point(int x, int y) implements Locator {
        public Point {
            if (x < 0 || y < 0) throw new IllegalArgumentException("coordinates must not be negative, were " + x + "," + y);
        }
        @Override public String toString() { return "point (" + x + ", " + y + ")"; }
    }

    /** A desktop window, by words of its title, its class or the application that shows it; acting on it focuses it. */
    record Window(String title) implements Locator {
        public Window { title = Require.nonBlank(title, "title"); }
        @Override public String toString() { return "window " + quote(title); }
    }

    /**
     * A rectangle of a window, in pixels from the window's top-left corner; of the focused window when
     * {@code window} is empty, of the screen when there is no window to go by.
     */
    record Region(String window, int x, int y, int width, int height) implements Locator {
        public Region {
            window = window == null ? "" : window.strip();
            if (x < 0 || y < 0) throw new IllegalArgumentException("x and y must not be negative, were " + x + "," + y);
            Require.positive(width, "width");
            Require.positive(height, "height");
        }
        @Override public String toString() {
            return "region " + width + "x" + height + "+" + x + "+" + y + (window.isEmpty() ? "" : " of window " + quote(window));
        }
    }

    /** Whatever has the keyboard focus now: the caret of the focused window or field. */
    record Focused() implements Locator {
        @Override public String toString() { return "the focused window"; }
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }
}
