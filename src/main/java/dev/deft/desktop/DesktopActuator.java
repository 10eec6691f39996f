package dev.deft.desktop;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.Condition;
import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Polling;
import dev.deft.core.Require;
import dev.deft.core.Resolution;
import dev.deft.core.Secrets;
import dev.deft.core.Stopped;
import dev.deft.core.Target;
import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives native desktop applications as a person would: launches them, focuses their windows, finds things by image
 * or by the text OCR reads, clicks, drags, types, presses chords, scrolls, waits and reads. Screens, the mouse and the
 * keyboard are opened on the first action, so that making one costs nothing where no desktop is used. Every input
 * answers the kill switch (the step's thread is interrupted) and the fail-safe (the mouse thrown into a corner).
 */
public final class DesktopActuator implements Actuator {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopActuator.class);
    /** Pixels around a target whose words count as the target's text for the risk policy. */
    static final int AROUND_X = 40;
    static final int AROUND_Y = 12;
    private static final int DEFAULT_SCROLL = 3;

    private final DesktopSettings settings;
    private final Secrets secrets;
    private final Consumer<String> stopRun;
    private final Clock clock;
    private final Polling polling;
    private final Map<String, String> env;
    private final List<ProcessHandle> launched = new CopyOnWriteArrayList<>();
    private Devices devices;
    private volatile boolean closed;

    /**
     * @param secrets what typing reveals at the moment of typing
     * @param stopRun cancels the run, with the reason, when the fail-safe trips
     * @param env     where desktop entries are looked up ({@code XDG_DATA_DIRS}…), and what launched applications get
     */
    public DesktopActuator(DesktopSettings settings, Secrets secrets, Consumer<String> stopRun, Clock clock,
                           Map<String, String> env) {
        this.settings = Require.nonNull(settings, "settings");
        this.secrets = Require.nonNull(secrets, "secrets");
        this.stopRun = Require.nonNull(stopRun, "stopRun");
        this.clock = Require.nonNull(clock, "clock");
        // a look at the screen takes a while itself: a short, even pause between two
        this.polling = Polling.every(clock, Duration.ofMillis(50));
        this.env = Map.copyOf(Require.nonNull(env, "env"));
    }

    /** The platform's parts, made on first use. */
    private final class Devices {
        final DesktopScreen screen = new DesktopScreen();
        final Windows windows;
        final DesktopEntries entries = DesktopEntries.installed(env);
        final WindowNames names;
        final TextReader reader = new TextReader();
        final PatternFinder patterns = new PatternFinder();
        final TargetFinder finder;
        final Launcher launcher;
        final FailSafe failSafe;
        final Pointer pointer;
        final Keyboard keyboard;

        Devices() {
            Rectangle bounds = screen.bounds();
            Optional<String> missing = X11Windows.missing();
            windows = missing.isEmpty() ? new X11Windows(clock) : new NoWindows(missing.get());
            names = new WindowNames(windows, entries);
            finder = new TargetFinder(screen, windows, names, patterns, new PatternFiles(settings.patterns()), reader, clock);
            launcher = new Launcher(entries, windows, clock, env);
            Robot robot;
            try {
                robot = new Robot();
            } catch (AWTException e) {
                throw new DeftException.Configuration("Java may not control the mouse and keyboard here: " + e.getMessage(), e);
            }
            robot.setAutoDelay(0);
            Pointer[] self = new Pointer[1];
            failSafe = new FailSafe(() -> self[0].location(), () -> bounds, stopRun);
            pointer = new Pointer(robot, failSafe);
            self[0] = pointer;
            keyboard = new Keyboard(robot, failSafe, windows instanceof X11Windows);
        }
    }

    private synchronized Devices devices() {
        if (devices == null) {
            devices = new Devices();
        }
        return devices;
    }

    @Override
    public String surface() {
        return "desktop";
    }

    /** Where on the screen {@code target} is now: for tests that act by their own hand where Deft would. */
    java.awt.Point pointOf(Target target) {
        return devices().finder.locate(target, settings.find()).point();
    }

    @Override
    public boolean handles(Action action) {
        if (action instanceof Action.Launch || action instanceof Action.FocusWindow || action instanceof Action.Drag) {
            return true;
        }
        if (action instanceof Action.Click || action instanceof Action.Type) {
            return action.target().map(DesktopActuator::isDesktopTarget).orElse(false);
        }
        if (action instanceof Action.PressKey || action instanceof Action.Scroll || action instanceof Action.Extract) {
            return action.target().map(DesktopActuator::isDesktopTarget).orElse(true);
        }
        if (action instanceof Action.WaitFor wait) {
            Condition condition = wait.condition();
            return condition instanceof Condition.TextShown || condition instanceof Condition.TextGone
                    || condition instanceof Condition.ElementShown shown && isDesktopTarget(shown.target())
                    || condition instanceof Condition.ElementGone gone && isDesktopTarget(gone.target());
        }
        return false;
    }

    /**
     * Whether the target has a locator the desktop can use. A text or a name (what a model's tools give) is read as
     * screen text: Deft gives one run one surface, so a desktop run never takes a web page's element by mistake.
     */
    static boolean isDesktopTarget(Target target) {
        return target.locators().stream().anyMatch(l -> l instanceof Locator.Image || l instanceof Locator.ScreenText
                || l instanceof Locator.Point || l instanceof Locator.Region || l instanceof Locator.Window
                || l instanceof Locator.Focused || l instanceof Locator.Text || l instanceof Locator.Name);
    }

    @Override
    public Observation observe() {
        if (closed) {
            return Observation.NONE;
        }
        Devices d = devices();
        TargetFinder.Look look = d.finder.look();
        Rectangle area = look.window.map(DesktopWindow::bounds).orElse(look.screenArea()).intersection(look.screenArea());
        List<ScreenWord> words = d.reader.words(look.image, area);
        List<String> others = d.windows.all().stream()
                .filter(w -> look.window.map(f -> !f.id().equals(w.id())).orElse(true)).map(DesktopWindow::title).toList();
        return new DesktopObservation(new Dimension(look.image.getWidth(), look.image.getHeight()), look.window, others,
                d.windows.describe(), look.image.getSubimage(area.x, area.y, area.width, area.height), area, words,
                target -> textAround(d, look, area, words, target));
    }

    /** The words at and around the target on this screenshot: read already where the window was, else read now. */
    private static Optional<String> textAround(Devices d, TargetFinder.Look look, Rectangle readArea,
                                               List<ScreenWord> words, Target target) {
        Optional<Located> located;
        try {
            located = d.finder.locateIn(look, target, new LinkedHashMap<>());
        } catch (DeftException e) {
            return Optional.empty(); // an ambiguous target is refused when acting; the policy sees no text
        }
        return located.filter(l -> l.window().isEmpty()).map(l -> {
            Rectangle around = new Rectangle(l.box().x - AROUND_X, l.box().y - AROUND_Y,
                    l.box().width + 2 * AROUND_X, l.box().height + 2 * AROUND_Y).intersection(look.screenArea());
            List<ScreenWord> near = readArea.contains(around) ? words : d.reader.words(look.image, around);
            return String.join(" ", near.stream().filter(w -> w.box().intersects(around)).map(ScreenWord::text).toList());
        });
    }

    @Override
    public Outcome perform(Action action, ActGuard guard) {
        if (closed) {
            return Outcome.failed("The desktop surface is closed; start a new run to act on the desktop.");
        }
        if (!handles(action)) {
            return Outcome.failed("The desktop cannot " + action.kind().replace('_', ' ') + " (" + action.describe()
                    + "): give it a desktop target (screen text, image, window, region or point).");
        }
        try {
            Outcome outcome = act(devices(), action, guard);
            return outcome instanceof Outcome.Done done && settings.screenshots().isPresent()
                    ? done.withScreenshot(keepScreenshot(devices(), action, settings.screenshots().get()).orElse(null))
                    : outcome;
        } catch (ActGuard.NotAdmitted e) {
            return e.instead();
        } catch (FailSafe.Tripped | Stopped e) {
            return Outcome.failed(e.getMessage());
        } catch (DeftException.Retriable e) {
            return Outcome.retriable(e.getMessage());
        } catch (DeftException e) {
            return Outcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            // the message of an unexpected error is not ours and could quote what was typed: only its type is shown
            LOG.warn("Desktop action {} failed", action.kind(), e);
            return Outcome.failed(action.describe() + " failed: " + e.getClass().getSimpleName()
                    + "; see the log for the details.");
        }
    }

    private Outcome act(Devices d, Action action, ActGuard guard) {
        if (!(action instanceof Action.Click || action instanceof Action.Drag || action instanceof Action.Type
                || action instanceof Action.PressKey key && key.in().isPresent())) {
            // what acts on nothing found on the screen (a program, a window, a wait, a reading) is judged as it is
            guard.require(Resolution.of(action, Observation.NONE));
        }
        if (action instanceof Action.Launch launch) {
            Launcher.Launched launched = d.launcher.launch(launch.application(), settings.launch());
            this.launched.add(launched.process());
            return Outcome.done("Launched " + launched.commandLine()
                    + launched.window().map(w -> ": window " + w.describe()).orElse(" (no window information here)") + ".");
        }
        if (action instanceof Action.FocusWindow focus) {
            DesktopWindow window = d.names.require(focus.title());
            d.windows.focus(window);
            return Outcome.done("Focused the window " + window.describe() + ".");
        }
        if (action instanceof Action.Click click) {
            Located at = reach(d, found(d, click, click.on(), guard), true);
            d.pointer.click(at.point(), click.button());
            return Outcome.done(click.describe().split(" ")[0] + "ed " + at.how() + " at " + at.point().x + "," + at.point().y + ".");
        }
        if (action instanceof Action.Drag drag) {
            TargetFinder.Sighting from = d.finder.sight(drag.from(), settings.find());
            TargetFinder.Sighting to = d.finder.sight(drag.to(), settings.find());
            SpotCheck.Spot fromSpot = SpotCheck.spot(d.reader, from, drag.from());
            SpotCheck.Spot toSpot = SpotCheck.spot(d.reader, to, drag.to());
            // where a thing is dropped counts as much as the thing: both spots' words are what the rules read
            guard.require(Resolution.of(new Action.Drag(fromSpot.target(), toSpot.target()),
                    new SpotCheck.SpotsSeen(List.of(fromSpot, toSpot))));
            d.pointer.drag(from.located().point(), to.located().point());
            return Outcome.done("Dragged " + from.located().how() + " to " + to.located().how() + ".");
        }
        if (action instanceof Action.Type type) {
            Located at = reach(d, found(d, type, type.into(), guard), false);
            // replacing selects all of the field first; in a whole window (an editor's document) typing adds
            if (type.replace() && !(type.into().primary() instanceof Locator.Window)) {
                d.keyboard.press(KeyChord.parse("ctrl+a"));
            }
            String text = secrets.reveal(type.text());
            d.keyboard.type(text);
            return Outcome.done("Typed " + text.length() + " characters into " + at.how() + ".");
        }
        if (action instanceof Action.PressKey key) {
            KeyChord chord = KeyChord.parse(key.keys());
            String where = key.in().map(target -> " in " + reach(d, found(d, key, target, guard), false).how())
                    .orElse("");
            d.keyboard.press(chord);
            return Outcome.done("Pressed " + chord.written() + where + ".");
        }
        if (action instanceof Action.Scroll scroll) {
            Optional<Located> at = scroll.to().map(target -> d.finder.locate(target, settings.find()));
            int notches = scroll.amount() > 0 ? scroll.amount() : DEFAULT_SCROLL;
            d.pointer.scroll(at.map(Located::point).orElse(null), scroll.direction(), notches);
            return Outcome.done("Scrolled " + scroll.direction().name().toLowerCase(Locale.ROOT) + " "
                    + notches + " notches" + at.map(l -> " over " + l.how()).orElse("") + ".");
        }
        if (action instanceof Action.WaitFor wait) {
            return Outcome.done(waitFor(d, wait.condition(), wait.timeout()));
        }
        if (action instanceof Action.Extract extract) {
            Target from = extract.from().orElse(Target.of(new Locator.Focused()));
            Located at = d.finder.locate(from, settings.find());
            TargetFinder.Look look = d.finder.look();
            String text = d.reader.text(look.image, at.box());
            return Outcome.read(text, "Read " + text.lines().count() + " lines of text from " + at.how() + ".");
        }
        throw new DeftException("The desktop cannot " + action.describe());
    }

    /** A PNG of the focused window (the screen when none has the focus) after the step, for the journal. */
    private Optional<Path> keepScreenshot(Devices d, Action action, Path folder) {
        try {
            TargetFinder.Look look = d.finder.look();
            Rectangle area = look.window.map(DesktopWindow::bounds).orElse(look.screenArea()).intersection(look.screenArea());
            Files.createDirectories(folder);
            Path file = folder.resolve(SHOT_NAME.format(clock.instant()) + "-" + action.kind() + ".png");
            ImageIO.write(look.image.getSubimage(area.x, area.y, area.width, area.height), "png", file.toFile());
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep a screenshot of the desktop in {}", folder, e);
            return Optional.empty(); // the step itself went well; its picture is a courtesy
        }
    }

    private static final DateTimeFormatter SHOT_NAME = DateTimeFormatter
            .ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /**
     * Finds what {@code action} acts on and asks the guard about it as found, by the words on the screen at that
     * spot: what is acted on next is that spot.
     */
    private Found found(Devices d, Action action, Target target, ActGuard guard) {
        TargetFinder.Sighting sighting = d.finder.sight(target, settings.find());
        SpotCheck.Spot spot = SpotCheck.spot(d.reader, sighting, target);
        guard.require(Resolution.of(action.withTarget(spot.target()), new SpotCheck.SpotsSeen(List.of(spot))));
        return new Found(sighting.located(), target);
    }

    /** A target found, and the target it was found by. */
    private record Found(Located located, Target target) {
    }

    /**
     * Makes what was found the keyboard's: a window is focused, a thing on the screen is clicked first when
     * {@code click} or when typing goes into it; the focused window is left as it is.
     */
    private Located reach(Devices d, Found found, boolean click) {
        Located at = found.located();
        Target target = found.target();
        if (at.window().isPresent()) {
            d.windows.focus(at.window().get());
            if (click) {
                d.pointer.click(at.point(), Action.Click.Button.LEFT);
            }
        } else if (!(target.primary() instanceof Locator.Focused) && !click) {
            d.pointer.click(at.point(), Action.Click.Button.LEFT);
        }
        return at;
    }

    private String waitFor(Devices d, Condition condition, Duration timeout) {
        if (condition instanceof Condition.ElementShown shown) {
            Located at = d.finder.locate(shown.target(), timeout);
            return "Saw " + at.how() + ".";
        }
        if (condition instanceof Condition.ElementGone gone) {
            Map<Locator, String> seen = new LinkedHashMap<>();
            return polling.untilPresent(gone.target() + " to go away", timeout, () -> {
                seen.clear();
                Optional<Located> still = d.finder.locateIn(d.finder.look(), gone.target(), seen);
                return still.isEmpty() ? Optional.of(gone.target() + " is gone.") : Optional.empty();
            }, failure -> "it is still there");
        }
        boolean shown = condition instanceof Condition.TextShown;
        String text = shown ? ((Condition.TextShown) condition).text() : ((Condition.TextGone) condition).text();
        TextSearch.Hit[] closest = new TextSearch.Hit[1];
        return polling.untilPresent("\"" + text + "\" to " + (shown ? "show" : "go away"), timeout, () -> {
            TargetFinder.Look look = d.finder.look();
            Rectangle area = look.window.map(DesktopWindow::bounds).orElse(look.screenArea()).intersection(look.screenArea());
            // the title bar is drawn by the window manager outside the window's own area, but a person reads it too
            boolean inTitle = look.window.map(w -> TextSearch.normalised(w.title()).contains(TextSearch.normalised(text)))
                    .orElse(false);
            TextSearch.Result result = inTitle ? null : TextSearch.find(text, d.reader.words(look.image, area));
            if (result != null && !result.found() && !area.equals(look.screenArea())) {
                // menus and dialogs reach past their window's edge: the whole screen is read before saying no
                result = TextSearch.find(text, d.reader.words(look.image, look.screenArea()));
            }
            closest[0] = result == null ? null : result.closest();
            return (inTitle || result.found()) == shown ? Optional.of("\"" + text + "\" is " + (shown ? "shown" : "gone") + ".")
                    : Optional.empty();
        }, failure -> failure != null ? failure.getMessage() : shown
                ? (closest[0] == null ? "no text was read" : String.format(Locale.ROOT,
                "the closest text read was \"%s\" (score %.2f)", closest[0].read(), closest[0].score()))
                : "it is still shown");
    }

    /** The applications this actuator launched; they outlive it, as a person expects of what they asked to open. */
    List<ProcessHandle> launched() {
        return List.copyOf(launched);
    }

    @Override
    public void close() {
        closed = true;
    }
}
