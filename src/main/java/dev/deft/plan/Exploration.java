package dev.deft.plan;

import dev.deft.core.ObservedElement;
import dev.deft.core.Observation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a person looks for a thing that is not in sight: behind the other tabs, in the collapsed sections, on the
 * next page. Each opener is tried once per intent, and only things that show more of the page, never things that
 * send or change it.
 */
final class Exploration {
    private static final int MOST = 12;
    private static final Pattern NEXT_PAGE = Pattern.compile("(?i)^(?:next|next page|more|show more|load more|older|"
            + "see more|view more|[>›»→]|[>›»→]{2}|next\\s*[>›»→])$");
    private static final Pattern NEVER = Pattern.compile("(?i).*\\b(?:delete|remove|send|pay|buy|submit|save|order|"
            + "log ?out|sign ?out|close|cancel)\\b.*");

    /** The buttons that close what a page put in the way without accepting what it proposes. */
    private static final Pattern DISMISS = Pattern.compile("(?i)^(?:cancel|close|dismiss|no|no,? thanks|not now|maybe later|"
            + "later|skip|×|✕|✖|x)$");

    private final Set<String> tried = new HashSet<>();
    private int newestBefore = Integer.MAX_VALUE;

    /** Notes what the page held when an intent began, so that what appears later can be told from it. */
    void begin(Observation page) {
        newestBefore = page.elements().stream().mapToInt(ObservedElement::number).max().orElse(0);
    }

    /**
     * A pop-up that came while the intent was being done ("Your session is about to expire"): its button that
     * closes it without accepting what it asks, unless the request named that button.
     */
    Optional<ObservedElement> dismissal(Observation page, Intent intent) {
        return page.elements().stream().filter(e -> e.number() > newestBefore && e.interactive())
                .filter(e -> DISMISS.matcher(label(e)).matches())
                .filter(e -> !(intent instanceof Intent.Click click && ElementMatcher.score(e, click.thing()) >= ElementMatcher.GOOD_ENOUGH))
                .findFirst();
    }

    /** The next thing to open while looking for what the intent names, if there is one left to try. */
    Optional<ObservedElement> next(Intent intent, Observation page, Optional<ObservedElement> named) {
        if (tried.size() >= MOST || !namesAThing(intent)) {
            return Optional.empty();
        }
        List<ObservedElement> elements = page.elements();
        // a menu item pointed at that did not open: clicked, as some menus want
        Optional<ObservedElement> opener = named.filter(e -> e.interactive() && tried.add("open:" + e.number()))
                .or(() -> elements.stream().filter(e -> e.role().equals("tab") && !e.has("selected")
                        && !e.has("disabled")).filter(this::untried).findFirst()
                .or(() -> elements.stream().filter(e -> e.interactive() && e.has("collapsed")).filter(this::untried).findFirst())
                .or(() -> elements.stream().filter(e -> e.interactive() && (e.role().equals("link") || e.role().equals("button")
                        || e.role().equals("text")) && NEXT_PAGE.matcher(label(e)).matches() && !e.has("disabled"))
                        .filter(e -> !NEVER.matcher(label(e)).matches()).findFirst()));
        opener.ifPresent(e -> tried.add(key(e)));
        return opener;
    }

    /** Forgets what was tried, for the next intent. */
    void reset() {
        tried.clear();
    }

    private boolean untried(ObservedElement element) {
        return !tried.contains(key(element)) && !NEVER.matcher(label(element)).matches();
    }

    /** A tab or a section once opened stays tried; a "next page" link may be followed again, page after page. */
    private String key(ObservedElement element) {
        String label = label(element);
        return NEXT_PAGE.matcher(label).matches() ? label + "#" + tried.size() : element.role() + ":" + label;
    }

    private static String label(ObservedElement element) {
        String name = element.name().isBlank() ? element.text() : element.name();
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean namesAThing(Intent intent) {
        return intent instanceof Intent.Click || intent instanceof Intent.Locate || intent instanceof Intent.SetBoxes
                || intent instanceof Intent.Choose || intent instanceof Intent.Fill fill && fill.field().isPresent()
                || intent instanceof Intent.Read read && read.thing().isPresent() || intent instanceof Intent.Unread
                || intent instanceof Intent.Scroll scroll && scroll.to().isPresent();
    }
}
