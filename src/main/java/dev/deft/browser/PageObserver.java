package dev.deft.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.json.Json;

/**
 * Observes a page in one round trip with the page library, and reads the answer (a line of JSON for the page, a line of
 * '|'-separated fields for each element) into a {@link PageObservation}.
 */
final class PageObserver {
    /** Elements returned at most; the rest are counted. Generous: rendering cuts to the planner's budget. */
    static final int MAX_ELEMENTS = 5_000;

    private static final Json JSON = new Json();

    private final PageScripts scripts;
    /** Numbers go on rising across pages of a session, so that a number from a page that is gone never means another element. */
    private int nextNumber = 1;
    private int generation = -1;
    private int maskedFields;

    PageObserver(PageScripts scripts) {
        this.scripts = scripts;
    }

    PageObservation observe(WebDriver driver) {
        return observe(driver, false);
    }

    /**
     * The page as it is now. With {@code maskAfter}, the page's sensitive fields are masked once it has been read,
     * for a screenshot to be taken next: the caller must unmask them.
     */
    PageObservation observe(WebDriver driver, boolean maskAfter) {
        scripts.toTop(driver);
        return read(scripts.call(driver, "observeText", options(maskAfter)));
    }

    /**
     * The page once what an action started has ended: requests it sent have come back and the page has stayed still
     * for a moment, up to {@code atMost}. A page with nothing in flight is observed at once.
     */
    PageObservation observeSettled(WebDriver driver, boolean maskAfter, Duration atMost) {
        scripts.toTop(driver);
        Object answer;
        try {
            answer = scripts.callAsync(driver, "observeSettled", options(maskAfter), atMost.toMillis());
        } catch (WebDriverException e) {
            // The page went away while the wait was on (the action's answer navigated): look at the one there now.
            scripts.leftTop();
            return observe(driver, maskAfter);
        }
        return answer == null ? observe(driver, maskAfter) : read(answer);
    }

    private Map<String, Object> options(boolean maskAfter) {
        return Map.of("maxElements", MAX_ELEMENTS, "first", nextNumber, "mask", maskAfter);
    }

    private PageObservation read(Object answer) {
        if (!(answer instanceof String text)) {
            throw new IllegalStateException("The page observer answered " + answer + " instead of a page.");
        }
        int headEnd = text.indexOf('\n');
        Object head = JSON.toType(headEnd < 0 ? text : text.substring(0, headEnd), Map.class);
        if (!(head instanceof Map<?, ?> page)) {
            throw new IllegalStateException("The page observer answered " + head + " instead of a page.");
        }
        List<?> scroll = (List<?>) page.get("scroll");
        nextNumber = Math.max(nextNumber, integer(page.get("next")));
        generation = integer(page.get("gen"));
        maskedFields = page.get("masked") == null ? 0 : integer(page.get("masked"));
        List<PageElement> elements = new ArrayList<>(integer(page.get("count")));
        if (headEnd >= 0) {
            readElements(text, headEnd + 1, elements);
        }
        return new PageObservation(string(page.get("token")), integer(page.get("first")), string(page.get("url")),
                string(page.get("title")),
                strings(page.get("headings")), string(page.get("digest")), string(page.get("modal")),
                elements, integer(page.get("total")),
                new PageObservation.Scroll(integer(scroll.get(0)), integer(scroll.get(1)), integer(scroll.get(2)),
                        integer(scroll.get(3)), integer(scroll.get(4))),
                number(page.get("millis")), Optional.empty());
    }

    /** How many fields the last observation masked for a screenshot (0 when it was not asked to mask). */
    int maskedFields() {
        return maskedFields;
    }

    /** The page's change generation when it was last observed: while the page still has it, nothing changed since. */
    int generation() {
        return generation;
    }

    /** The fields of an element line, in the order the page library's {@code observeText} writes them. */
    private enum Field {
        NUMBER, ROLE, TAG, NAME, TEXT, LABEL, VALUE, PLACEHOLDER, STATES, CONTEXT, OPTIONS, HREF, TYPE, FLAGS, X, Y,
        WIDTH, HEIGHT, FRAMES, FORM, AUTOCOMPLETE, WITHIN
    }

    /** Bits of the {@link Field#FLAGS} field. */
    private static final int IN_VIEW = 1;
    private static final int INTERACTIVE = 2;
    /** Separates the options of a list within their field. */
    private static final String OPTION_SEPARATOR = "\u001f";

    /** One element line split into its fields. */
    private record Line(String[] fields) {
        String raw(Field field) {
            return fields[field.ordinal()];
        }

        String text(Field field) {
            return unescape(raw(field));
        }

        int integer(Field field) {
            return raw(field).isEmpty() ? 0 : Integer.parseInt(raw(field));
        }

        /** A value is written after '=' so that an empty value differs from none. */
        Optional<String> value() {
            return raw(Field.VALUE).isEmpty() ? Optional.empty() : Optional.of(unescape(raw(Field.VALUE).substring(1)));
        }

        List<String> commaList(Field field) {
            return raw(field).isEmpty() ? List.of() : List.of(raw(field).split(","));
        }

        List<String> options() {
            return raw(Field.OPTIONS).isEmpty() ? List.of() : List.of(text(Field.OPTIONS).split(OPTION_SEPARATOR, -1));
        }

        List<Integer> numbers(Field field) {
            return commaList(field).stream().map(Integer::valueOf).toList();
        }

        PageElement element(int order) {
            int flags = integer(Field.FLAGS);
            return new PageElement(integer(Field.NUMBER), order, raw(Field.ROLE), raw(Field.TAG), text(Field.NAME),
                    text(Field.TEXT), text(Field.LABEL), value(), text(Field.PLACEHOLDER), commaList(Field.STATES),
                    text(Field.CONTEXT), options(), text(Field.HREF), raw(Field.TYPE), (flags & IN_VIEW) != 0,
                    (flags & INTERACTIVE) != 0, new PageElement.Box(integer(Field.X), integer(Field.Y),
                    integer(Field.WIDTH), integer(Field.HEIGHT)), numbers(Field.FRAMES), integer(Field.FORM),
                    text(Field.AUTOCOMPLETE), numbers(Field.WITHIN));
        }
    }

    /** One element a line, its fields separated by '|' in the order of {@link Field}. */
    private static void readElements(String text, int from, List<PageElement> into) {
        int fields = Field.values().length;
        int order = 0;
        int at = from;
        while (at < text.length()) {
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String[] f = new String[fields];
            int field = 0;
            int start = at;
            for (int i = at; i <= lineEnd && field < fields; i++) {
                char c = i == lineEnd ? '|' : text.charAt(i);
                if (c == '\\') {
                    i++; // an escaped character, never a separator
                } else if (c == '|') {
                    f[field++] = text.substring(start, i);
                    start = i + 1;
                }
            }
            if (field != fields) {
                throw new IllegalStateException("The page observer wrote an element line of " + field + " fields: "
                        + text.substring(at, Math.min(lineEnd, at + 200)));
            }
            into.add(new Line(f).element(order++));
            at = lineEnd + 1;
        }
    }

    /** Undoes the page library's escaping of backslash, '|', newline and carriage return. */
    static String unescape(String field) {
        int slash = field.indexOf('\\');
        if (slash < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length()).append(field, 0, slash);
        for (int i = slash; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }

    static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    static int integer(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(PageObserver::string).toList() : List.of();
    }
}
