package dev.deft.desktop;

import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.Polling;
import dev.deft.core.Target;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencv.core.Mat;

/**
 * Finds a target on the screen within a time limit: each look takes one screenshot and tries the target's locators
 * in order. Images and screen text are searched where they were last found first, then in the focused window, then
 * on the whole screen; the first area that has it ends the search. On failure it says the best score it saw.
 */
final class TargetFinder {
    private final DesktopScreen screen;
    private final Windows windows;
    private final WindowNames names;
    private final PatternFinder patterns;
    private final PatternFiles files;
    private final TextReader reader;
    private final Clock clock;
    private final Polling polling;
    private final Map<Locator, Rectangle> lastPlace = new ConcurrentHashMap<>();
    private final Map<String, Double> lastRatio = new ConcurrentHashMap<>();

    TargetFinder(DesktopScreen screen, Windows windows, WindowNames names, PatternFinder patterns, PatternFiles files,
                 TextReader reader, Clock clock) {
        this.screen = screen;
        this.windows = windows;
        this.names = names;
        this.patterns = patterns;
        this.files = files;
        this.reader = reader;
        this.clock = clock;
        // a look at the screen takes a while itself: a short, even pause between two
        this.polling = Polling.every(clock, Duration.ofMillis(50));
    }

    /** One screenshot with the window that had the focus when it was taken; its grey copy is made when first needed. */
    static final class Look {
        final BufferedImage image;
        final Optional<DesktopWindow> window;
        private Mat gray;

        Look(BufferedImage image, Optional<DesktopWindow> window) {
            this.image = image;
            this.window = window;
        }

        Mat gray() {
            if (gray == null) {
                gray = OpenCv.gray(image);
            }
            return gray;
        }

        Rectangle screenArea() {
            return new Rectangle(0, 0, image.getWidth(), image.getHeight());
        }
    }

    Look look() {
        Optional<DesktopWindow> focused = windows.focused();
        return new Look(screen.capture(), focused);
    }

    /** Looks for the target until it shows or the time is up. */
    Located locate(Target target, Duration timeout) {
        return sight(target, timeout).located();
    }

    /** Where a target was found, with the screenshot it was found on. */
    record Sighting(Located located, Look look) {
    }

    /** Like {@link #locate}, keeping the screenshot it was found on (to read the words there). */
    Sighting sight(Target target, Duration timeout) {
        Map<Locator, String> misses = new LinkedHashMap<>();
        return polling.untilPresent(target.toString() + " to show", timeout, () -> {
            Look look = look();
            misses.clear();
            return locateIn(look, target, misses).map(located -> new Sighting(located, look));
        }, failure -> failure != null ? failure.getMessage() : String.join("; ", misses.values()) + ".");
    }

    /** The target in this one screenshot, if it is there; says for each locator what it saw instead. */
    Optional<Located> locateIn(Look look, Target target, Map<Locator, String> misses) {
        for (Locator locator : target.locators()) {
            Optional<Located> found = locateOne(look, locator, misses);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Located> locateOne(Look look, Locator locator, Map<Locator, String> misses) {
        if (locator instanceof Locator.Point p) {
            if (!look.screenArea().contains(p.x(), p.y())) {
                misses.put(locator, locator + " is off the screen (" + look.image.getWidth() + "x" + look.image.getHeight() + ")");
                return Optional.empty();
            }
            return Optional.of(Located.at(new Rectangle(p.x(), p.y(), 1, 1), locator.toString()));
        }
        if (locator instanceof Locator.Window w) {
            Optional<DesktopWindow> window = names.find(w.title());
            if (window.isEmpty()) {
                misses.put(locator, "no window is called \"" + w.title() + "\" (open: " + names.titles() + ")");
                return Optional.empty();
            }
            Rectangle box = window.get().bounds();
            return Optional.of(new Located(box, new Point(box.x + box.width / 2, box.y + box.height / 2), window,
                    "window " + window.get().describe()));
        }
        if (locator instanceof Locator.Focused) {
            Rectangle box = look.window.map(DesktopWindow::bounds).orElse(look.screenArea());
            return Optional.of(new Located(box, new Point(box.x + box.width / 2, box.y + box.height / 2), Optional.empty(),
                    look.window.map(w -> "the focused window " + w.describe()).orElse("the screen (no window has the focus)")));
        }
        if (locator instanceof Locator.Region r) {
            Optional<DesktopWindow> window = r.window().isEmpty() ? look.window : names.find(r.window());
            if (!r.window().isEmpty() && window.isEmpty()) {
                misses.put(locator, "no window is called \"" + r.window() + "\" (open: " + names.titles() + ")");
                return Optional.empty();
            }
            Rectangle base = window.map(DesktopWindow::bounds).orElse(look.screenArea());
            Rectangle box = new Rectangle(base.x + r.x(), base.y + r.y(), r.width(), r.height()).intersection(base);
            if (box.isEmpty()) {
                misses.put(locator, locator + " lies outside " + window.map(DesktopWindow::describe).orElse("the screen"));
                return Optional.empty();
            }
            return Optional.of(Located.at(box, locator.toString()));
        }
        if (locator instanceof Locator.Image image) {
            return findImage(look, image, misses);
        }
        if (locator instanceof Locator.ScreenText text) {
            return findText(look, text, misses);
        }
        if (locator instanceof Locator.Text text) {
            // what a model or a skill calls a thing by its text is, on a screen, the text OCR reads there
            return findText(look, new Locator.ScreenText(text.text()), misses);
        }
        if (locator instanceof Locator.Name name) {
            return findText(look, new Locator.ScreenText(name.name()), misses);
        }
        misses.put(locator, locator + " is a web page's locator, not one the desktop can use");
        return Optional.empty();
    }

    /** Where to search, in order: around the last place, the focused window, the screen. */
    private List<Area> areas(Look look, Locator locator) {
        List<Area> areas = new ArrayList<>();
        Rectangle last = lastPlace.get(locator);
        Rectangle screenArea = look.screenArea();
        if (last != null) {
            Rectangle around = new Rectangle(last.x - last.width, last.y - last.height, last.width * 3, last.height * 3)
                    .intersection(screenArea);
            areas.add(new Area("where it was last", around));
        }
        look.window.map(w -> w.bounds().intersection(screenArea)).filter(b -> !b.isEmpty())
                .ifPresent(b -> areas.add(new Area("in the focused window", b)));
        areas.add(new Area("on the screen", screenArea));
        return areas;
    }

    private record Area(String name, Rectangle box) {
    }

    private Optional<Located> findImage(Look look, Locator.Image image, Map<Locator, String> misses) {
        Mat pattern = files.gray(image.path());
        List<Double> ratios = new ArrayList<>();
        Double remembered = lastRatio.get(image.path());
        if (remembered != null) {
            ratios.add(remembered);
        }
        PatternFinder.DISPLAY_RATIOS.stream().filter(r -> remembered == null || Math.abs(r - remembered) > 1e-6)
                .forEach(ratios::add);
        double best = 0;
        for (Area area : areas(look, image)) {
            Rectangle box = area.box();
            Mat part = look.gray().submat(box.y, box.y + box.height, box.x, box.x + box.width);
            PatternSearch search = patterns.find(part, box.getLocation(), pattern, image.similarity(), ratios);
            best = Math.max(best, search.bestScore());
            if (search instanceof PatternSearch.Ambiguous twice) {
                throw new DeftException(image + " is shown twice " + area.name() + ", at " + twice.first() + " and at "
                        + twice.second() + "; cut a larger pattern that includes something unique next to it.");
            }
            if (search instanceof PatternSearch.Found found) {
                PatternMatch match = found.match();
                lastPlace.put(image, match.box());
                lastRatio.put(image.path(), match.scale());
                Point centre = match.centre();
                Point click = new Point(centre.x + (int) Math.round(image.offsetX() * match.scale()),
                        centre.y + (int) Math.round(image.offsetY() * match.scale()));
                return Optional.of(new Located(match.box(), click, Optional.empty(), image + " at " + match + " " + area.name()));
            }
        }
        misses.put(image, String.format(Locale.ROOT, "%s not found (best score %.2f, needed %.2f)",
                image, best, image.similarity()));
        return Optional.empty();
    }

    private Optional<Located> findText(Look look, Locator.ScreenText text, Map<Locator, String> misses) {
        TextSearch.Hit closest = null;
        for (Area area : areas(look, text)) {
            TextSearch.Result result = TextSearch.find(text.text(), reader.words(look.image, area.box()));
            if (result.hits().size() > 1) {
                throw new DeftException(text + " is shown " + result.hits().size() + " times " + area.name() + " (at "
                        + String.join(" and ", result.hits().stream().map(h -> h.box().x + "," + h.box().y).toList())
                        + "); say which: in a window, in a region, or by an image.");
            }
            if (result.found()) {
                TextSearch.Hit hit = result.hits().get(0);
                lastPlace.put(text, hit.box());
                return Optional.of(Located.at(hit.box(), String.format(Locale.ROOT,
                        "%s at %d,%d (read \"%s\", score %.2f) %s", text, hit.box().x, hit.box().y, hit.read(),
                        hit.score(), area.name())));
            }
            if (result.closest() != null && (closest == null || result.closest().score() > closest.score())) {
                closest = result.closest();
            }
        }
        TextSearch.Hit nearest = closest;
        misses.put(text, text + " is not on the screen" + (nearest == null ? " (no text read at all)"
                : String.format(Locale.ROOT, " (closest: \"%s\", score %.2f)", nearest.read(), nearest.score())));
        return Optional.empty();
    }
}
