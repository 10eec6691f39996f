package dev.deft.browser;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.Condition;
import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Require;
import dev.deft.core.Resolution;
import dev.deft.core.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deft's hands in the browser: performs actions on web pages through Selenium and observes them. The browser starts
 * the first time an action needs it; a crashed or closed browser fails the step that meets it, and the next step
 * starts a fresh one. Each action waits for its element to be there, visible, enabled and still, and reports what
 * changed; each step leaves a screenshot in the run's folder.
 */
public final class BrowserActuator implements Actuator {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserActuator.class);
    /** How long the look after an action waits at most for the requests the action sent. */
    private static final java.time.Duration SETTLE_AT_MOST = java.time.Duration.ofSeconds(5);

    private final BrowserSession session;
    private final PageScripts scripts = new PageScripts();
    /** Whether {@link #last} was taken after the last action finished, and not handed to {@link #observe} yet. */
    private boolean lookedAfterAction;
    private final PageObserver observer = new PageObserver(scripts);
    private final TargetResolver resolver;
    private final Waiter waiter;
    private final StepScreenshots screenshots;
    private final UnaryOperator<String> revealSecrets;
    private final Duration actionTimeout;
    private PageObservation last;
    private boolean closed;
    /** Deft's own DevTools connection to the current tab's page, for clicks and typing; null until needed. */
    private DevToolsPage devTools;
    private WebDriver devToolsDriver;
    /** The browser whose DevTools connection failed or could not be made: WebDriver acts in it from then on. */
    private WebDriver devToolsRefused;
    private int inputsThroughDevTools;

    /**
     * @param screenshotFolder where each step's screenshot goes (the run's folder); empty for none
     * @param revealSecrets    puts the real values in for {@code {{secret:NAME}}} placeholders, at the moment of
     *                         typing and nowhere else (the vault's hook); {@link UnaryOperator#identity()} for none
     */
    public BrowserActuator(BrowserSettings settings, Optional<Path> screenshotFolder,
                           UnaryOperator<String> revealSecrets) {
        this(new BrowserSession(Require.nonNull(settings, "settings"), new BrowserLauncher()), screenshotFolder,
                revealSecrets, Waiter.system(), settings.actionTimeout());
    }

    BrowserActuator(BrowserSession session, Optional<Path> screenshotFolder, UnaryOperator<String> revealSecrets,
                    Waiter waiter, Duration actionTimeout) {
        this.session = session;
        this.screenshots = new StepScreenshots(Require.nonNull(screenshotFolder, "screenshotFolder"), scripts);
        this.revealSecrets = Require.nonNull(revealSecrets, "revealSecrets");
        this.waiter = waiter;
        this.resolver = new TargetResolver(scripts, waiter);
        this.actionTimeout = actionTimeout;
    }

    @Override
    public String surface() {
        return "browser";
    }

    @Override
    public boolean handles(Action action) {
        return action instanceof Action.OpenUrl || action instanceof Action.Click || action instanceof Action.Hover
                || action instanceof Action.Type || action instanceof Action.Select
                || action instanceof Action.SetChecked || action instanceof Action.PressKey
                || action instanceof Action.Scroll || action instanceof Action.WaitFor
                || action instanceof Action.Extract || action instanceof Action.Upload
                || action instanceof Action.SwitchTab || action instanceof Action.CloseTab;
    }

    /** The page as it is now, or {@link Observation#NONE} while no browser has been needed yet. */
    @Override
    public synchronized Observation observe() {
        if (closed || !session.isStarted()) {
            return Observation.NONE;
        }
        if (lookedAfterAction && last != null) {
            // The page as the last action left it, looked at a moment ago to report what changed: the loop's next
            // observation need not walk the page again.
            lookedAfterAction = false;
            return last;
        }
        try {
            try {
                return look(session.driver());
            } catch (NoSuchWindowException e) {
                session.keepWindow();
                dropDevTools(null);
                scripts.leftTop();
                return look(session.driver());
            }
        } catch (WebDriverException e) {
            if (BrowserSession.isGone(e)) {
                LOG.warn("The browser is gone: {}", BrowserLauncher.firstLine(e.getMessage()));
                session.discard();
                dropDevTools(null);
                last = null;
                return Observation.NONE;
            }
            throw e;
        }
    }

    @Override
    public synchronized Outcome perform(Action action, ActGuard guard) {
        lookedAfterAction = false;
        if (action == null || !handles(action)) {
            return Outcome.failed("The browser cannot " + (action == null ? "do nothing"
                    : action.kind().replace('_', ' ') + " (" + action.describe() + ")") + ".");
        }
        if (closed) {
            return Outcome.failed("The browser of this run is closed already; start a new run.");
        }
        try {
            WebDriver driver = session.driver();
            Outcome outcome;
            try {
                outcome = act(driver, action, guard);
            } catch (NoSuchWindowException e) {
                // The tab was closed under us: go on in the one opened last, once.
                session.keepWindow();
                dropDevTools(null);
                scripts.leftTop();
                outcome = act(driver, action, guard);
            }
            if (outcome instanceof Outcome.Done done) {
                lookAfter(driver);
                Optional<Path> shot = screenshots.take(driver, action.kind());
                if (lookedAfterAction && shot.isPresent()) {
                    // the page as the action left it, and how it looked then, for a planner that reads images
                    last = last.withScreenshot(shot.get());
                }
                return done.withScreenshot(shot.orElse(null));
            }
            screenshots.unmask(driver);
            return outcome;
        } catch (NotAdmitted e) {
            return e.instead;
        } catch (DeftException.Retriable e) {
            unmaskQuietly();
            return Outcome.retriable(e.getMessage());
        } catch (DeftException e) {
            unmaskQuietly();
            return Outcome.failed(e.getMessage());
        } catch (WebDriverException e) {
            unmaskQuietly();
            scripts.leftTop();
            if (BrowserSession.isGone(e)) {
                LOG.warn("The browser is gone during {}", action.describe(), e);
                session.discard();
                dropDevTools(null);
                last = null;
                return Outcome.failed("The browser was closed or crashed (" + BrowserLauncher.firstLine(e.getMessage())
                        + "); the next step starts a fresh one.");
            }
            LOG.warn("{} failed", action.describe(), e);
            return Outcome.failed(action.describe() + " failed: " + BrowserLauncher.firstLine(e.getMessage()));
        }
    }

    /** After a step failed past its look: the page must not stay masked (a person may be watching it). */
    private void unmaskQuietly() {
        try {
            if (session.isStarted()) {
                screenshots.unmask(session.driver());
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not unmask the page after a failed step: {}", e.toString());
        }
    }

    /**
     * The page as it is, with the element {@code target} means outlined in red, for an approval card: saved beside the
     * step screenshots, with sensitive fields as dots. Empty when the target is not one element of the top page
     * (a picture inside a frame could not be masked as surely).
     */
    @Override
    public synchronized Optional<Path> pictureOf(Target target) {
        lookedAfterAction = false;
        if (closed || !session.isStarted()) {
            return Optional.empty();
        }
        try {
            WebDriver driver = session.driver();
            Grounding answer = resolver.ground(driver, look(driver), target, TargetResolver.Want.ANY);
            if (!(answer instanceof Grounding.Found found) || !found.element().frame().isEmpty()) {
                return Optional.empty();
            }
            WebElement live = resolver.grab(driver, found.element(), last.token());
            return screenshots.outlined(driver, live);
        } catch (DeftException | WebDriverException e) {
            LOG.info("No approval picture of {}: {}", target, BrowserLauncher.firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    /** Raises the browser's window and its tab (DevTools' Page.bringToFront); the next look walks the page again. */
    @Override
    public synchronized void bringToFront() {
        lookedAfterAction = false;
        if (closed || !session.isStarted()) {
            return;
        }
        try {
            WebDriver driver = session.driver();
            if (driver instanceof org.openqa.selenium.chromium.HasCdp cdp) {
                cdp.executeCdpCommand("Page.bringToFront", java.util.Map.of());
            } else {
                driver.switchTo().window(driver.getWindowHandle());
            }
        } catch (WebDriverException e) {
            LOG.info("Could not bring the browser to the front: {}", BrowserLauncher.firstLine(e.getMessage()));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        dropDevTools(null);
        session.close();
    }

    /** How many clicks and typings went through Deft's own DevTools connection rather than WebDriver. */
    synchronized int inputsThroughDevTools() {
        return inputsThroughDevTools;
    }

    /** How many browsers this actuator started, counting fresh ones after a crash. */
    public synchronized int browsersStarted() {
        return session.starts();
    }

    private Outcome act(WebDriver driver, Action action, ActGuard guard) {
        if (action instanceof Action.OpenUrl open) return open(driver, open, guard);
        if (action instanceof Action.Click click) return click(driver, click, guard);
        if (action instanceof Action.Hover hover) return hover(driver, hover, guard);
        if (action instanceof Action.Type type) return type(driver, type, guard);
        if (action instanceof Action.Select select) return select(driver, select, guard);
        if (action instanceof Action.SetChecked box) return setChecked(driver, box, guard);
        if (action instanceof Action.PressKey key) return press(driver, key, guard);
        if (action instanceof Action.Scroll scroll) return scroll(driver, scroll, guard);
        if (action instanceof Action.WaitFor wait) return waitFor(driver, wait, guard);
        if (action instanceof Action.Extract extract) return extract(driver, extract, guard);
        if (action instanceof Action.Upload upload) return upload(driver, upload, guard);
        if (action instanceof Action.SwitchTab tab) return switchTab(driver, tab, guard);
        if (action instanceof Action.CloseTab tab) return closeTab(driver, tab, guard);
        return Outcome.failed("The browser cannot " + action.describe() + ".");
    }

    // ---- the check before acting

    /** The guard said no (or not yet): nothing was done, and this is the step's outcome. */
    private static final class NotAdmitted extends RuntimeException {
        final Outcome instead;

        NotAdmitted(Outcome instead) {
            super(instead.detail(), null, false, false);
            this.instead = instead;
        }
    }

    /** Asks the guard about what was found; returns only when it may be acted on. */
    private static void admit(ActGuard guard, Resolution found) {
        Optional<Outcome> instead = guard.admit(found);
        if (instead.isPresent()) {
            throw new NotAdmitted(instead.get());
        }
    }

    /** For an action that acts on no element of the page: the action as it is, on the page as last seen. */
    private void admitAsItIs(ActGuard guard, Action action) {
        admit(guard, Resolution.of(action, last == null ? Observation.NONE : last));
    }

    /**
     * The element as a target that means it and nothing else: its number on this page, with the name a person reads
     * on it (never what a field holds).
     */
    static Target boundTo(PageElement element) {
        String name = element.takesText()
                ? firstOf(element.label(), element.placeholder(), element.name().equals(element.text()) ? "" : element.name())
                : firstOf(element.name(), element.text(), element.placeholder());
        Target byNumber = Target.byNumber(element.number());
        return name.isBlank() ? byNumber : byNumber.or(new Locator.Name(name));
    }

    private static String firstOf(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    private PageObservation look(WebDriver driver) {
        last = observer.observe(driver);
        return last;
    }

    /**
     * Looks after an action, once the requests it sent have come back (up to {@link #SETTLE_AT_MOST}), so that what a
     * click started is there to see; when the step will save a screenshot, the page is left masked for it.
     */
    private PageObservation lookAfterAction(WebDriver driver) {
        boolean mask = screenshots.enabled();
        last = observer.observeSettled(driver, mask, SETTLE_AT_MOST);
        if (mask) {
            screenshots.maskedAlready(observer.maskedFields());
        }
        return last;
    }

    // ---- acting on elements

    /** An element ready to be acted on, with the page as it was just before. */
    private record Ready(PageElement element, WebElement live, PageObservation before, Optional<ClickPoint> at,
                         Optional<String> disagreement, String foundBy) {
        Ready(PageElement element, WebElement live, PageObservation before, Optional<String> disagreement,
              String foundBy) {
            this(element, live, before, Optional.empty(), disagreement, foundBy);
        }

        /** The element as the step's report names it, with the locator that found it where it was not the first. */
        String named() {
            return element.describe() + foundBy;
        }
    }

    /** Where a click on an element of the top page lands, in CSS pixels of the viewport. */
    private record ClickPoint(double x, double y) {
        static Optional<ClickPoint> of(List<?> prepared) {
            return prepared.size() >= 4 && prepared.get(2) instanceof Number x && prepared.get(3) instanceof Number y
                    ? Optional.of(new ClickPoint(x.doubleValue(), y.doubleValue())) : Optional.empty();
        }
    }

    /**
     * Waits until the target means one element that is attached, visible, enabled (when it must be) and still, up to
     * the action timeout; re-grounds it if the page replaced it meanwhile. Then asks the guard about {@code action}
     * on exactly that element, which is the one acted on.
     */
    private Ready ready(WebDriver driver, Action action, Target target, TargetResolver.Want want, boolean needEnabled,
                        ActGuard guard) {
        Ready ready = ready(driver, target, want, needEnabled);
        admit(guard, new Resolution(action.withTarget(boundTo(ready.element())), ready.before(), ready.disagreement()));
        return ready;
    }

    private Ready ready(WebDriver driver, Target target, TargetResolver.Want want, boolean needEnabled) {
        String what = "the " + (want == TargetResolver.Want.FIELD ? "field" : "element") + " " + target
                + " to be there, visible" + (needEnabled ? ", enabled" : "") + " and still";
        // The page as last seen (usually the loop's observation, taken after the previous action) serves as long as
        // the page has not changed since: one walk of the page fewer per step. Once only; later tries look afresh.
        boolean[] mayReuse = {last != null};
        return waiter.until(what, actionTimeout, () -> {
            if (mayReuse[0]) {
                mayReuse[0] = false;
                Waiter.Probe<Ready> probe = attempt(driver, last, observer.generation(), target, want, needEnabled);
                if (probe != null) {
                    return probe;
                }
            }
            return attempt(driver, look(driver), -1, target, want, needEnabled);
        });
    }

    /**
     * One try at grounding the target on {@code page} and checking its element. With a {@code generation} (not -1),
     * the page must still be as {@code page} saw it: null means it changed, or anything short of a ready element, and
     * the caller looks afresh rather than fail or wait on what it saw before.
     */
    private Waiter.Probe<Ready> attempt(WebDriver driver, PageObservation page, int generation, Target target,
                                        TargetResolver.Want want, boolean needEnabled) {
        boolean reused = generation >= 0;
        Grounding answer = resolver.ground(driver, page, target, want);
        if (answer instanceof Grounding.Ambiguous ambiguous) {
            if (reused) {
                return null;
            }
            throw new DeftException(ambiguous.message());
        }
        if (answer instanceof Grounding.Missing missing) {
            return reused ? null : Waiter.Probe.notYet(missing.message());
        }
        Grounding.Found found = (Grounding.Found) answer;
        PageElement element = found.element();
        String foundBy = target.locators().size() > 1 && !found.by().equals(target.primary())
                ? " (found by " + found.by() + ")" : "";
        if (element.frame().isEmpty() && want != TargetResolver.Want.FILE) {
            // Finding the element, checking the page is unchanged and the actionability checks: one round trip.
            scripts.toTop(driver);
            List<?> prepared = (List<?>) scripts.callAsync(driver, "prepare", element.number(), page.token(),
                    generation, needEnabled);
            String status = String.valueOf(prepared.get(0));
            if ("ok".equals(status)) {
                return Waiter.Probe.ready(new Ready(element, (WebElement) prepared.get(1), page,
                        ClickPoint.of(prepared), found.disagreement(), foundBy));
            }
            if (reused && (status.equals("changed") || status.equals("page-changed") || status.equals("gone"))) {
                return null;
            }
            return Waiter.Probe.notYet(switch (status) {
                case "page-changed" -> "The page changed since " + element.describe() + " was seen; look at the page again.";
                case "gone" -> element.describe() + " is no longer on the page.";
                default -> element.describe() + " is " + status;
            });
        }
        if (reused) {
            return null; // in a frame, or a file field: grounded on a fresh look only, as before
        }
        WebElement live;
        try {
            live = resolver.grab(driver, element, page.token());
        } catch (DeftException.Retriable e) {
            return Waiter.Probe.notYet(e.getMessage());
        }
        Object status = want == TargetResolver.Want.FILE ? "ok"
                : scripts.callAsync(driver, "actionable", live, needEnabled);
        if ("ok".equals(status)) {
            return Waiter.Probe.ready(new Ready(element, live, page, found.disagreement(), foundBy));
        }
        return Waiter.Probe.notYet(element.describe() + " is " + status);
    }

    private Outcome open(WebDriver driver, Action.OpenUrl open, ActGuard guard) {
        admitAsItIs(guard, open);
        String url = open.url().matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? open.url() : "https://" + open.url();
        driver.get(url);
        scripts.leftTop();
        PageObservation after = look(driver);
        return Outcome.done("Opened \"" + after.title() + "\" at " + after.url() + ".");
    }

    private Outcome click(WebDriver driver, Action.Click click, ActGuard guard) {
        Ready ready = ready(driver, click, click.on(), TargetResolver.Want.CLICKABLE, true, guard);
        switch (click.button()) {
            case LEFT -> {
                if (!clickedThroughDevTools(driver, ready)) {
                    ready.live().click();
                }
            }
            case DOUBLE -> new Actions(driver).doubleClick(ready.live()).perform();
            case RIGHT -> new Actions(driver).contextClick(ready.live()).perform();
        }
        String verb = switch (click.button()) {
            case LEFT -> "Clicked ";
            case DOUBLE -> "Double-clicked ";
            case RIGHT -> "Right-clicked ";
        };
        return Outcome.done(verb + ready.named() + changes(driver, ready.before()));
    }

    private Outcome hover(WebDriver driver, Action.Hover hover, ActGuard guard) {
        Ready ready = ready(driver, hover, hover.on(), TargetResolver.Want.CLICKABLE, false, guard);
        new Actions(driver).moveToElement(ready.live()).perform();
        return Outcome.done("Hovered over " + ready.named() + changes(driver, ready.before()));
    }

    private Outcome type(WebDriver driver, Action.Type type, ActGuard guard) {
        Ready ready = ready(driver, type, type.into(), TargetResolver.Want.FIELD, true, guard);
        WebElement field = ready.live();
        String text = type.text().isEmpty() ? "" : revealSecrets.apply(type.text());
        // Through Deft's own DevTools connection where it can: focused (and all selected, to replace) in one
        // script, then a key press a character; else WebDriver's clear and sendKeys.
        boolean devToolsTypes = DevToolsPage.typeable(text) && devToolsMayType(driver, ready);
        if (type.replace() && !devToolsTypes) {
            field.clear();
        }
        boolean secret = type.text().contains("{{secret:");
        if (secret) {
            // Marked so that screenshots hide what it holds, whatever kind of field it is.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].setAttribute('data-deft-secret', '')", field);
        }
        if (devToolsTypes) {
            typeThroughDevTools(driver, ready, text, type.replace());
        } else if (!text.isEmpty()) {
            field.sendKeys(text);
        }
        Optional<String> early = readEarly(driver, ready, secret);
        String change = sameFrameChanges(driver, ready.before());
        String now = held(driver, ready, early);
        String verb = type.text().isEmpty() ? (type.replace() ? "Cleared " : "Typed nothing into ")
                : (type.replace() ? "Typed into " : "Added to ");
        return Outcome.done(verb + ready.named() + "; it now holds " + now + "." + change);
    }

    private Outcome select(WebDriver driver, Action.Select select, ActGuard guard) {
        Ready ready = ready(driver, select, select.list(), TargetResolver.Want.LIST, true, guard);
        if (!ready.live().getTagName().equalsIgnoreCase("select")) {
            throw new DeftException(ready.element().describe() + " is not a drop-down list; click it and then the "
                    + "option instead.");
        }
        Select list = new Select(ready.live());
        List<String> options = list.getOptions().stream().map(o -> o.getText().strip()).toList();
        String wanted = select.option();
        Optional<WebElement> option = list.getOptions().stream()
                .filter(o -> o.getText().strip().equals(wanted)).findFirst()
                .or(() -> list.getOptions().stream().filter(o -> wanted.equals(o.getAttribute("value"))).findFirst())
                .or(() -> list.getOptions().stream()
                        .filter(o -> TextMatch.normal(o.getText()).equals(TextMatch.normal(wanted))).findFirst());
        if (option.isEmpty()) {
            throw new DeftException(ready.element().describe() + " has no option \"" + wanted + "\"; it offers "
                    + options.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(", ")) + ".");
        }
        list.selectByIndex(list.getOptions().indexOf(option.get()));
        String chosen = option.get().getText().strip();
        Optional<String> early = readEarly(driver, ready, false);
        String change = sameFrameChanges(driver, ready.before());
        return Outcome.done("Chose \"" + chosen + "\" in " + ready.named()
                + "; it now shows " + held(driver, ready, early) + "." + change);
    }

    private Outcome setChecked(WebDriver driver, Action.SetChecked box, ActGuard guard) {
        Ready ready = ready(driver, box, box.box(), TargetResolver.Want.CHECKBOX, true, guard);
        boolean isRadio = ready.element().role().equals("radio");
        if (isChecked(driver, ready.live()) != box.checked()) {
            if (isRadio && !box.checked()) {
                throw new DeftException(ready.element().describe() + " is a radio button: it cannot be unchecked; "
                        + "choose another option instead.");
            }
            ready.live().click();
        }
        boolean now = isChecked(driver, ready.live());
        if (now != box.checked()) {
            throw new DeftException.Retriable(ready.element().describe() + " is still "
                    + (now ? "checked" : "unchecked") + " after clicking it.");
        }
        return Outcome.done((box.checked() ? "Checked " : "Unchecked ") + ready.named() + "; it is now "
                + (now ? "checked" : "unchecked") + "." + sameFrameChanges(driver, ready.before()));
    }

    private boolean isChecked(WebDriver driver, WebElement element) {
        Object states = ((Map<?, ?>) scripts.call(driver, "readBack", element)).get("states");
        return states instanceof List<?> list && list.contains("checked");
    }

    private Outcome press(WebDriver driver, Action.PressKey key, ActGuard guard) {
        CharSequence keys = KeyChord.parse(key.keys());
        if (key.in().isPresent()) {
            Ready ready = ready(driver, key, key.in().get(), TargetResolver.Want.CLICKABLE, true, guard);
            ready.live().sendKeys(keys);
            return Outcome.done("Pressed " + key.keys() + " in " + ready.named() + changes(driver, ready.before()));
        }
        PageObservation before = look(driver);
        // a key pressed where the focus is acts on the focused element: Enter there submits its form
        Optional<PageElement> focused = before.pageElements().stream()
                .filter(e -> e.has("focused") && !e.role().equals("frame")).reduce((outer, inner) -> inner);
        admit(guard, Resolution.of(focused.map(e -> key.withTarget(boundTo(e))).orElse(key), before));
        scripts.toTop(driver);
        driver.switchTo().activeElement().sendKeys(keys);
        return Outcome.done("Pressed " + key.keys() + changes(driver, before));
    }

    private Outcome scroll(WebDriver driver, Action.Scroll scroll, ActGuard guard) {
        if (scroll.to().isPresent()) {
            Ready ready = ready(driver, scroll, scroll.to().get(), TargetResolver.Want.ANY, false, guard);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", ready.live());
            PageObservation after = look(driver);
            boolean inView = after.element(ready.element().number()).map(PageElement::inView).orElse(false);
            return Outcome.done("Scrolled to " + ready.element().describe() + (inView ? "; it is in view." : "."));
        }
        scripts.toTop(driver);
        PageObservation before = look(driver);
        admit(guard, Resolution.of(scroll, before));
        int step = scroll.amount() > 0 ? scroll.amount() : (int) (before.scroll().viewportHeight() * 0.8);
        int dx = 0;
        int dy = 0;
        switch (scroll.direction()) {
            case UP -> dy = -step;
            case DOWN -> dy = step;
            case LEFT -> dx = -step;
            case RIGHT -> dx = step;
        }
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "window.scrollBy({left: arguments[0], top: arguments[1], behavior: 'instant'});", dx, dy);
        PageObservation after = look(driver);
        if (after.scroll().y() == before.scroll().y() && after.scroll().x() == before.scroll().x()) {
            return Outcome.done("The page did not move: it is already at the "
                    + (dy > 0 || dx > 0 ? "end" : "start") + " (" + after.scroll().y() + " of "
                    + after.scroll().pageHeight() + " px).");
        }
        return Outcome.done("Scrolled " + scroll.direction().name().toLowerCase(Locale.ROOT) + " to " + after.scroll().y()
                + " of " + after.scroll().pageHeight() + " px.");
    }

    private Outcome waitFor(WebDriver driver, Action.WaitFor wait, ActGuard guard) {
        admitAsItIs(guard, wait);
        Condition condition = wait.condition();
        if (condition instanceof Condition.ElementShown shown) {
            Grounding.Found found = resolver.resolve(driver, () -> look(driver), shown.target(),
                    TargetResolver.Want.ANY, wait.timeout());
            return Outcome.done(found.element().describe() + " is shown.");
        }
        if (condition instanceof Condition.UrlContains url) {
            String at = waiter.until("the address to contain \"" + url.fragment() + "\"", wait.timeout(), () -> {
                scripts.toTop(driver);
                String now = driver.getCurrentUrl();
                return now != null && now.contains(url.fragment()) ? Waiter.Probe.ready(now)
                        : Waiter.Probe.notYet("it is " + now);
            });
            look(driver);
            return Outcome.done("The address is now " + at + ".");
        }
        if (condition instanceof Condition.Settled settled) {
            return settle(driver, settled, wait.timeout());
        }
        boolean gone = condition instanceof Condition.TextGone;
        String text = gone ? ((Condition.TextGone) condition).text() : ((Condition.TextShown) condition).text();
        String wanted = TextMatch.normal(text);
        waiter.until("\"" + text + "\" to be " + (gone ? "gone" : "shown"), wait.timeout(), () -> {
            scripts.toTop(driver);
            boolean shown = TextMatch.normal(String.valueOf(scripts.call(driver, "pageText"))).contains(wanted);
            return shown != gone ? Waiter.Probe.ready(true)
                    : Waiter.Probe.notYet(gone ? "it is still shown" : "the page does not show it");
        });
        look(driver);
        return Outcome.done("\"" + text + "\" is " + (gone ? "gone." : "shown."));
    }

    /** Polls the page's text until it stays the same for the quiet time; a page that never settles is reported. */
    private Outcome settle(WebDriver driver, Condition.Settled settled, Duration timeout) {
        long[] since = {System.nanoTime()};
        String[] last = {null};
        try {
            waiter.until("the page to stop changing", timeout, () -> {
                scripts.toTop(driver);
                String text = String.valueOf(scripts.call(driver, "pageText"));
                if (!text.equals(last[0])) {
                    last[0] = text;
                    since[0] = System.nanoTime();
                    return Waiter.Probe.notYet("it changed");
                }
                return Duration.ofNanos(System.nanoTime() - since[0]).compareTo(settled.quiet()) >= 0
                        ? Waiter.Probe.ready(true) : Waiter.Probe.notYet("it changed lately");
            });
        } catch (dev.deft.core.DeftException.Retriable stillChanging) {
            look(driver);
            return Outcome.done("The page was still changing after " + timeout.toSeconds() + " s; going on.");
        }
        look(driver);
        return Outcome.done("The page has stopped changing.");
    }

    private Outcome extract(WebDriver driver, Action.Extract extract, ActGuard guard) {
        if (extract.from().isEmpty()) {
            admitAsItIs(guard, extract);
        }
        switch (extract.what()) {
            case TABLE -> {
                WebElement from = null;
                String where = "the page";
                if (extract.from().isPresent()) {
                    Ready ready = ready(driver, extract, extract.from().get(), TargetResolver.Want.ANY, false, guard);
                    from = ready.live();
                    where = ready.element().describe();
                } else {
                    scripts.toTop(driver);
                }
                Object rows = scripts.call(driver, "table", from);
                if (!(rows instanceof List<?> list)) {
                    throw new DeftException("There is no table at " + where + ".");
                }
                List<List<String>> table = new ArrayList<>();
                for (Object row : list) {
                    table.add(PageObserver.strings(row));
                }
                int columns = table.stream().mapToInt(List::size).max().orElse(0);
                return Outcome.read(tableJson(table), "Read a table of " + table.size() + " rows and " + columns
                        + " columns from " + where + ".");
            }
            case MAIN_TEXT -> {
                scripts.toTop(driver);
                String text = String.valueOf(scripts.call(driver, "mainText"));
                return Outcome.read(text, "Read the main text of the page (" + text.length() + " characters).");
            }
            default -> {
                if (extract.from().isEmpty()) {
                    scripts.toTop(driver);
                    String text = String.valueOf(scripts.call(driver, "pageText")).strip();
                    return Outcome.read(text, "Read the text of the page (" + text.length() + " characters).");
                }
                Ready ready = ready(driver, extract, extract.from().get(), TargetResolver.Want.ANY, false, guard);
                String text = ready.element().isField() ? readValue(driver, ready.live(), false)
                        : ready.live().getText().strip();
                if (ready.element().isField() && text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
                    text = text.substring(1, text.length() - 1);
                }
                return Outcome.read(text, "Read " + ready.named() + ".");
            }
        }
    }

    private Outcome upload(WebDriver driver, Action.Upload upload, ActGuard guard) {
        Path file = Path.of(upload.file()).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new DeftException("There is no file at " + file + "; give the full path of a file to upload.");
        }
        Ready ready = ready(driver, upload, upload.into(), TargetResolver.Want.FILE, true, guard);
        ready.live().sendKeys(file.toString());
        Optional<String> early = readEarly(driver, ready, false);
        String change = sameFrameChanges(driver, ready.before());
        return Outcome.done("Chose " + file.getFileName() + " for " + ready.named()
                + "; it now holds " + held(driver, ready, early) + "." + change);
    }

    private Outcome switchTab(WebDriver driver, Action.SwitchTab tab, ActGuard guard) {
        admitAsItIs(guard, tab);
        dropDevTools(null); // Deft's DevTools connection is to one tab's page
        List<String> handles = waiter.until("tab " + tab.which(), actionTimeout, () -> {
            List<String> all = new ArrayList<>(driver.getWindowHandles());
            return pickTab(driver, all, tab.which()).isPresent() ? Waiter.Probe.ready(all)
                    : Waiter.Probe.notYet("there are " + all.size() + " tabs: " + titles(driver, all));
        });
        String handle = pickTab(driver, handles, tab.which()).orElseThrow();
        driver.switchTo().window(handle);
        scripts.leftTop();
        PageObservation after = look(driver);
        return Outcome.done("Switched to tab " + (handles.indexOf(handle) + 1) + " of " + handles.size() + ": \""
                + after.title() + "\" at " + after.url() + ".");
    }

    private Outcome closeTab(WebDriver driver, Action.CloseTab tab, ActGuard guard) {
        admitAsItIs(guard, tab);
        dropDevTools(null);
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        String handle = tab.which().map(which -> pickTab(driver, handles, which)
                .orElseThrow(() -> new DeftException("No tab matches \"" + which + "\"; the tabs are "
                        + titles(driver, handles) + "."))).orElse(driver.getWindowHandle());
        driver.switchTo().window(handle);
        String title = driver.getTitle();
        if (handles.size() == 1) {
            session.discard();
            dropDevTools(null);
            last = null;
            return Outcome.done("Closed the last tab (\"" + title + "\"); the browser is closed and the next step "
                    + "opens a fresh one.");
        }
        driver.close();
        handles.remove(handle);
        driver.switchTo().window(handles.get(handles.size() - 1));
        scripts.leftTop();
        PageObservation after = look(driver);
        return Outcome.done("Closed \"" + title + "\"; now on \"" + after.title() + "\" at " + after.url() + ".");
    }

    private Optional<String> pickTab(WebDriver driver, List<String> handles, String which) {
        String w = which.strip().toLowerCase(Locale.ROOT);
        if (w.equals("last") || w.equals("new") || w.equals("newest") || w.equals("latest")) {
            return handles.size() > 1 ? Optional.of(handles.get(handles.size() - 1)) : Optional.empty();
        }
        if (w.equals("first")) {
            return Optional.of(handles.get(0));
        }
        if (w.matches("\\d+")) {
            int index = Integer.parseInt(w) - 1;
            return index >= 0 && index < handles.size() ? Optional.of(handles.get(index)) : Optional.empty();
        }
        String current = driver.getWindowHandle();
        try {
            for (String handle : handles) {
                driver.switchTo().window(handle);
                String title = driver.getTitle() == null ? "" : driver.getTitle();
                String url = driver.getCurrentUrl() == null ? "" : driver.getCurrentUrl();
                if (TextMatch.score(which, title) >= TargetResolver.THRESHOLD
                        || url.toLowerCase(Locale.ROOT).contains(w)) {
                    return Optional.of(handle);
                }
            }
            return Optional.empty();
        } finally {
            try {
                driver.switchTo().window(current);
            } catch (NoSuchWindowException e) {
                LOG.debug("The tab we were on is gone: {}", e.toString());
            }
        }
    }

    private String titles(WebDriver driver, List<String> handles) {
        String current = driver.getWindowHandle();
        List<String> titles = new ArrayList<>();
        for (String handle : handles) {
            driver.switchTo().window(handle);
            titles.add("\"" + driver.getTitle() + "\"");
        }
        driver.switchTo().window(current);
        return String.join(", ", titles);
    }

    // ---- input through Deft's own DevTools connection

    /**
     * Clicks the element where its check found it, through {@link DevToolsPage}; false where that cannot be (no
     * connection, an element in a frame or out of the viewport) and WebDriver is to click.
     */
    private boolean clickedThroughDevTools(WebDriver driver, Ready ready) {
        Optional<DevToolsPage> page = ready.at().isPresent() ? devTools(driver) : Optional.empty();
        if (page.isEmpty()) {
            return false;
        }
        try {
            page.get().click(ready.at().get().x(), ready.at().get().y());
            inputsThroughDevTools++;
            return true;
        } catch (DevToolsPage.DevToolsFailure e) {
            dropDevTools("a click failed: " + e.getMessage());
            return false;
        }
    }

    /** Whether the field can be typed into through {@link DevToolsPage}: a text field of the top page, in view. */
    private boolean devToolsMayType(WebDriver driver, Ready ready) {
        String tag = ready.element().tag().toLowerCase(Locale.ROOT);
        String kind = ready.element().type().toLowerCase(Locale.ROOT);
        // the kinds of input whose text can be selected, so that typing replaces it (not email or number)
        boolean textField = tag.equals("textarea")
                || tag.equals("input") && List.of("", "text", "search", "url", "tel", "password").contains(kind);
        return textField && ready.at().isPresent() && devTools(driver).isPresent();
    }

    /**
     * Types {@code text} into the field through {@link DevToolsPage}, after focusing it (and selecting all it holds,
     * to replace it). Where the field will not keep the focus, or the connection fails before typing into a field
     * to be replaced, WebDriver types it (into the cleared field).
     */
    private void typeThroughDevTools(WebDriver driver, Ready ready, String text, boolean replace) {
        boolean focused = Boolean.TRUE.equals(scripts.call(driver, "focusField", ready.live(), replace));
        if (focused) {
            try {
                devTools(driver).orElseThrow().type(text);
                inputsThroughDevTools++;
                return;
            } catch (DevToolsPage.DevToolsFailure e) {
                dropDevTools("typing failed: " + e.getMessage());
                if (!replace) {
                    // what reached the field cannot be told from what it held: said, not typed twice
                    throw new DeftException("Typing into " + ready.element().describe() + " was cut off ("
                            + e.getMessage() + "); look at the field and type what is missing.");
                }
            }
        }
        if (replace) {
            ready.live().clear();
        }
        ready.live().sendKeys(text);
    }

    /** The connection to the page of the window WebDriver is on, opened the first time it is needed. */
    private Optional<DevToolsPage> devTools(WebDriver driver) {
        if (devToolsRefused == driver) {
            return Optional.empty();
        }
        if (devTools != null && devToolsDriver == driver) {
            return Optional.of(devTools);
        }
        dropDevTools(null);
        Optional<DevToolsPage> opened = DevToolsPage.open(driver, driver.getWindowHandle());
        if (opened.isEmpty()) {
            devToolsRefused = driver;
            return Optional.empty();
        }
        devTools = opened.get();
        devToolsDriver = driver;
        return opened;
    }

    /** Closes the connection (another tab is current, the browser is gone, or it failed: {@code why}). */
    private void dropDevTools(String why) {
        if (why != null) {
            LOG.info("Acting through WebDriver from now on in this browser: {}", why);
            devToolsRefused = devToolsDriver;
        }
        if (devTools != null) {
            devTools.close();
        }
        devTools = null;
        devToolsDriver = null;
    }

    // ---- what changed

    private String readValue(WebDriver driver, WebElement element, boolean secret) {
        Map<?, ?> back = (Map<?, ?>) scripts.call(driver, "readBack", element);
        Object value = back.get("value");
        if (value == null) {
            return "\"" + PageObserver.string(back.get("text")) + "\"";
        }
        String shown = value.toString();
        if (secret) {
            return shown.length() + " characters (a secret, not shown)";
        }
        return "\"" + shown + "\"";
    }

    /**
     * Looks at the page a done action left, unless the action looked already: the loop observes it next, and the
     * step's screenshot goes with this look. A page that cannot be looked at now (a dialog is open) is looked at
     * when the loop asks.
     */
    private void lookAfter(WebDriver driver) {
        if (lookedAfterAction && last != null) {
            return;
        }
        try {
            lookAfterAction(driver); // masks the page for the screenshot that follows
            lookedAfterAction = true;
        } catch (WebDriverException e) {
            LOG.debug("Could not look at the page after the action: {}", BrowserLauncher.firstLine(e.getMessage()));
            lookedAfterAction = false;
        }
    }

    /**
     * What a field holds, read from the field itself now when the look after the action cannot tell: a secret (only
     * its length is told) or a field in a frame (the look leaves the frame); else empty, and {@link #held} tells.
     */
    private Optional<String> readEarly(WebDriver driver, Ready ready, boolean secret) {
        return secret || !ready.element().frame().isEmpty()
                ? Optional.of(readValue(driver, ready.live(), secret)) : Optional.empty();
    }

    /** What the field holds, as the look after the action saw it (the same reading as readBack), or as read early. */
    private String held(WebDriver driver, Ready ready, Optional<String> early) {
        if (early.isPresent()) {
            return early.get();
        }
        Optional<String> seen = last == null || !last.token().equals(ready.before().token()) ? Optional.empty()
                : last.element(ready.element().number()).flatMap(PageElement::value);
        if (seen.isPresent()) {
            return "\"" + seen.get() + "\"";
        }
        try {
            return readValue(driver, ready.live(), false);
        } catch (StaleElementReferenceException e) {
            return "what the page shows now (it replaced the field after the action)";
        }
    }

    /** What changed on the page since {@code before}, as a sentence ending the outcome's detail. */
    private String changes(WebDriver driver, PageObservation before) {
        PageObservation after = lookAfterAction(driver);
        lookedAfterAction = true;
        String change = PageChange.between(before, after);
        return change.isEmpty() ? "." : "; " + change + ".";
    }

    /** Like {@link #changes}, after an action that stays in the element's frame (typing, choosing). */
    private String sameFrameChanges(WebDriver driver, PageObservation before) {
        String change = changes(driver, before);
        return change.equals(".") ? "" : " Page: " + change.substring(2);
    }

    private static String tableJson(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(BrowserActuator::quote)
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
