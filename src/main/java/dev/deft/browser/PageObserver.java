package dev.deft.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Fields of an element's line, as deft.js's {@code observeText} writes them. */
    private static final int FIELDS = 21;

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

    /** One element a line, its fields separated by '|' in the order deft.js's {@code observeText} writes them. */
    private static void readElements(String text, int from, List<PageElement> into) {
        String[] f = new String[FIELDS];
        int order = 0;
        int at = from;
        while (at < text.length()) {
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int field = 0;
            int start = at;
            for (int i = at; i <= lineEnd && field < FIELDS; i++) {
                char c = i == lineEnd ? '|' : text.charAt(i);
                if (c == '\\') {
                    i++; // an escaped character, never a separator
                } else if (c == '|') {
                    f[field++] = text.substring(start, i);
                    start = i + 1;
                }
            }
            if (field != FIELDS) {
                throw new IllegalStateException("The page observer wrote an element line of " + field + " fields: "
                        + text.substring(at, Math.min(lineEnd, at + 200)));
            }
            int flags = Integer.parseInt(f[13]);
            into.add(new PageElement(Integer.parseInt(f[0]), order++, f[1], f[2], unescape(f[3]), unescape(f[4]),
                    unescape(f[5]), f[6].isEmpty() ? Optional.empty() : Optional.of(unescape(f[6].substring(1))),
                    unescape(f[7]), f[8].isEmpty() ? List.of() : List.of(f[8].split(",")), unescape(f[9]),
                    f[10].isEmpty() ? List.of() : List.of(unescape(f[10]).split("\u001f", -1)), unescape(f[11]), f[12],
                    (flags & 1) != 0, (flags & 2) != 0,
                    new PageElement.Box(Integer.parseInt(f[14]), Integer.parseInt(f[15]), Integer.parseInt(f[16]),
                            Integer.parseInt(f[17])),
                    f[18].isEmpty() ? List.of() : Arrays.stream(f[18].split(",")).map(Integer::valueOf).toList(),
                    f[19].isEmpty() ? 0 : Integer.parseInt(f[19]), unescape(f[20])));
            at = lineEnd + 1;
        }
    }

    /** Undoes deft.js's escaping of backslash, '|', newline and carriage return. */
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
