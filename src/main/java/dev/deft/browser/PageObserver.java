package dev.deft.browser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;

/** Observes a page in one round trip with the page library, and reads the answer into a {@link PageObservation}. */
final class PageObserver {
    /** Elements returned at most; the rest are counted. Generous: rendering cuts to the planner's budget. */
    static final int MAX_ELEMENTS = 5_000;

    private static final Json JSON = new Json();

    private final PageScripts scripts;
    /** Numbers go on rising across pages of a session, so that a number from a page that is gone never means another element. */
    private int nextNumber = 1;

    PageObserver(PageScripts scripts) {
        this.scripts = scripts;
    }

    PageObservation observe(WebDriver driver) {
        scripts.toTop(driver);
        Object json = scripts.call(driver, "observeJson", Map.of("maxElements", MAX_ELEMENTS, "first", nextNumber));
        Object answer = json instanceof String text ? JSON.toType(text, Map.class) : json;
        if (!(answer instanceof Map<?, ?> page)) {
            throw new IllegalStateException("The page observer answered " + answer + " instead of a page.");
        }
        List<?> scroll = (List<?>) page.get("scroll");
        nextNumber = Math.max(nextNumber, integer(page.get("next")));
        return new PageObservation(string(page.get("token")), integer(page.get("first")), string(page.get("url")),
                string(page.get("title")),
                strings(page.get("headings")), string(page.get("digest")), string(page.get("modal")),
                ((List<?>) page.get("elements")).stream().map(e -> element((Map<?, ?>) e)).toList(),
                integer(page.get("total")),
                new PageObservation.Scroll(integer(scroll.get(0)), integer(scroll.get(1)), integer(scroll.get(2)),
                        integer(scroll.get(3)), integer(scroll.get(4))),
                number(page.get("millis")), Optional.empty());
    }

    private static PageElement element(Map<?, ?> e) {
        List<?> box = (List<?>) e.get("b");
        return new PageElement(integer(e.get("n")), integer(e.get("o")), string(e.get("role")), string(e.get("tag")),
                string(e.get("name")), string(e.get("text")), string(e.get("label")),
                e.containsKey("value") ? Optional.of(string(e.get("value"))) : Optional.empty(), string(e.get("ph")),
                strings(e.get("st")), string(e.get("ctx")), strings(e.get("opts")), string(e.get("href")),
                string(e.get("type")), integer(e.get("v")) == 1, integer(e.get("i")) == 1,
                new PageElement.Box(integer(box.get(0)), integer(box.get(1)), integer(box.get(2)), integer(box.get(3))),
                e.get("f") == null ? List.of() : ((List<?>) e.get("f")).stream().map(PageObserver::integer).toList(),
                integer(e.get("fm")), string(e.get("ac")));
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
