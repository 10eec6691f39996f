package dev.deft.browser;

import dev.deft.core.Locator;
import dev.deft.core.Mark;
import dev.deft.core.ObservedElement;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import dev.deft.core.Observation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A browser page at one moment: address, title, headings, a short digest of its text, and its numbered elements.
 * {@link #render(int, String)} fits it to a planner's budget, keeping what is in view and what matches the request.
 *
 * @param token   the page's identity: a new page (after a navigation) gets a new one, and old numbers are refused
 * @param firstNumber the first element number this page gave; smaller numbers belonged to pages before it
 * @param modal   the text of an open modal dialog, if one is open (then only its elements can be acted on)
 * @param total   how many elements the page had, of which {@code pageElements} were returned
 * @param scroll  where the page is scrolled and how big the viewport is
 */
public record PageObservation(String token, int firstNumber, String url, String title, List<String> headings, String digest,
                              String modal, List<PageElement> pageElements, int total, Scroll scroll, double millis,
                              Optional<Path> screenshotFile) implements Observation {

    /** About 4,000 tokens, counting four characters a token. */
    public static final int DEFAULT_BUDGET = 16_000;

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "into", "from", "that", "this",
            "then", "than", "what", "please", "can", "you", "all", "are", "its", "our", "your", "my", "me", "a", "an",
            "to", "of", "in", "on", "at", "it", "is", "be", "do", "go", "by", "or", "as");

    /** Scroll position and viewport size, in CSS pixels. */
    public record Scroll(int x, int y, int pageHeight, int viewportWidth, int viewportHeight) {
    }

    public PageObservation {
        headings = List.copyOf(headings);
        pageElements = List.copyOf(pageElements);
        screenshotFile = screenshotFile == null ? Optional.empty() : screenshotFile;
    }

    /**
     * The element a target names, and the form it would submit: its {@code <form>}'s fields; or, for a control in no
     * form, the fields of its section (the card or region under the same heading) and those in frames (a payment
     * provider's card frame), as sites built of divs have it.
     */
    @Override
    public Optional<TargetFacts> factsAbout(Target target) {
        return elementFor(target).map(element -> {
            List<PageElement> group = pageElements.stream()
                    .filter(other -> element.form() != 0 ? other.form() == element.form()
                            : other.form() == 0 && (other.context().equals(element.context()) || !other.frame().isEmpty()))
                    .toList();
            List<PageElement> form = group.stream().filter(PageElement::isField).toList();
            boolean submits = element.form() != 0 ? submitsItsForm(element)
                    : element.role().equals("button") && !form.isEmpty();
            List<String> nearby = group.stream().filter(other -> !other.interactive())
                    .map(other -> other.text().isBlank() ? other.name() : other.text())
                    .filter(text -> !text.isBlank()).limit(12).toList();
            return new TargetFacts(element.role(), element.text(), element.name(), element.type(),
                    element.autocomplete(), submits, form.stream().map(field -> new TargetFacts.Field(
                            field.label().isBlank() ? field.name() : field.label(), field.placeholder(), field.type(),
                            field.autocomplete(), field.value().orElse(""))).toList(), nearby);
        });
    }

    private static boolean submitsItsForm(PageElement element) {
        return element.tag().equals("button") && element.type().equals("submit")
                || element.tag().equals("input") && (element.type().equals("submit") || element.type().equals("image"))
                || element.role().equals("button") && !element.tag().equals("button");
    }

    /** The element a target's number names, or else the interactive element its name or text names exactly. */
    private Optional<PageElement> elementFor(Target target) {
        if (target.primary() instanceof Locator.ElementNumber number) {
            return element(number.number());
        }
        for (Locator locator : target.locators()) {
            String words = locator instanceof Locator.Name n ? n.name() : locator instanceof Locator.Text t ? t.text()
                    : locator instanceof Locator.Label l ? l.label() : null;
            if (words == null) {
                continue;
            }
            Optional<PageElement> named = pageElements.stream().filter(PageElement::interactive)
                    .filter(e -> e.name().equalsIgnoreCase(words) || e.text().equalsIgnoreCase(words)
                            || e.label().equalsIgnoreCase(words)).findFirst();
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /** The elements as any planner may read them, without the browser's own details. */
    @Override
    public List<ObservedElement> elements() {
        return pageElements.stream().map(e -> new ObservedElement(e.number(), e.role(), e.name(), e.text(), e.label(),
                e.value(), e.placeholder(), e.states(), e.context(), e.options(), e.inView(), e.interactive(), e.type(),
                e.within())).toList();
    }

    @Override
    public String surface() {
        return "browser";
    }

    @Override
    public String location() {
        return url;
    }

    @Override
    public Optional<Path> screenshot() {
        return screenshotFile;
    }

    /** The elements a person could act on or look at that show in the viewport, as parts of the viewport. */
    @Override
    public List<Mark> marks() {
        double width = scroll.viewportWidth();
        double height = scroll.viewportHeight();
        if (width <= 0 || height <= 0) {
            return List.of();
        }
        List<Mark> marks = new java.util.ArrayList<>();
        for (PageElement e : pageElements) {
            PageElement.Box box = e.box();
            if (box == null || !(e.interactive() || e.role().equals("canvas") || e.role().equals("img"))) {
                continue;
            }
            double left = Math.max(0, box.x()), top = Math.max(0, box.y());
            double right = Math.min(width, box.x() + box.width()), bottom = Math.min(height, box.y() + box.height());
            if (right - left >= 1 && bottom - top >= 1) {
                marks.add(new Mark(e.number(), left / width, top / height, (right - left) / width,
                        (bottom - top) / height));
            }
        }
        return List.copyOf(marks);
    }

    public Optional<PageElement> element(int number) {
        return pageElements.stream().filter(e -> e.number() == number).findFirst();
    }

    PageObservation withScreenshot(Path file) {
        return new PageObservation(token, firstNumber, url, title, headings, digest, modal, pageElements, total, scroll, millis,
                Optional.ofNullable(file));
    }

    @Override
    public String render(int maxChars) {
        return render(maxChars, "");
    }

    /**
     * The page as text of at most {@code maxChars} characters: elements in view and elements whose words match
     * {@code focus} (the request) come first; what did not fit is counted at the end.
     */
    @Override
    public String render(int maxChars, String focus) {
        StringBuilder head = new StringBuilder();
        head.append("Page: ").append(title.isBlank() ? "(no title)" : title).append('\n');
        head.append("Address: ").append(url).append('\n');
        if (!modal.isEmpty()) {
            head.append("A dialog is open (only its elements can be used): ").append(modal).append('\n');
        }
        if (!headings.isEmpty()) {
            head.append("Headings: ").append(String.join(" | ", headings)).append('\n');
        }
        head.append("Scrolled to ").append(scroll.y()).append(" of ").append(scroll.pageHeight())
                .append(" px; viewport ").append(scroll.viewportWidth()).append('×').append(scroll.viewportHeight())
                .append('\n');
        String digestLine = digest.isBlank() ? "" : "Text: " + digest + '\n';

        Set<String> words = words(focus);
        List<PageElement> byPriority = new ArrayList<>(pageElements);
        byPriority.sort(Comparator.comparingDouble((PageElement e) -> -priority(e, words))
                .thenComparingInt(PageElement::order));
        int footerRoom = 200;
        int room = maxChars - head.length() - footerRoom;
        List<PageElement> kept = new ArrayList<>();
        int used = "Elements:\n".length();
        for (PageElement element : byPriority) {
            int cost = element.line().length() + 1;
            if (used + cost > room) {
                continue;
            }
            kept.add(element);
            used += cost;
        }
        kept.sort(Comparator.comparingInt(PageElement::order));
        StringBuilder out = new StringBuilder(head);
        out.append("Elements:\n");
        kept.forEach(e -> out.append(e.line()).append('\n'));
        int cut = pageElements.size() - kept.size() + (total - pageElements.size());
        boolean digestFits = out.length() + digestLine.length() + footerRoom <= maxChars;
        if (digestFits) {
            out.append(digestLine);
        } else if (!digestLine.isEmpty()) {
            out.append("(The page text digest was left out for room.)\n");
        }
        if (cut > 0) {
            long offScreen = pageElements.stream().filter(e -> !kept.contains(e) && !e.inView()).count();
            out.append("Not shown: ").append(cut).append(" of ").append(total).append(" elements (")
                    .append(offScreen).append(" off-screen, ").append(cut - offScreen)
                    .append(" less relevant); scroll, or look for one by its words.\n");
        }
        String text = out.toString();
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 1)) + "…";
    }

    private static double priority(PageElement element, Set<String> words) {
        double score = 0;
        if (element.inView()) score += 2;
        if (element.interactive()) score += 1;
        if (!words.isEmpty()) {
            Set<String> own = words(element.name() + " " + element.text() + " " + element.label() + " "
                    + element.placeholder() + " " + element.context());
            long shared = words.stream().filter(own::contains).count();
            score += 3.0 * shared / words.size() + (shared == words.size() ? 2 : 0);
        }
        return score;
    }

    static Set<String> words(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 1 && !STOP_WORDS.contains(w))
                .collect(Collectors.toUnmodifiableSet());
    }
}
