package dev.deft.browser;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Polling;
import dev.deft.core.Require;
import dev.deft.core.Resolution;
import dev.deft.core.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deft's hands in the browser: performs actions on web pages through Selenium and observes them. The browser starts
 * the first time an action needs it; a crashed or closed browser fails the step that meets it, and the next step
 * starts a fresh one. Each action finds its element once and waits for it to be ready ({@link ElementReadiness}),
 * asks the step's guard about it, acts (clicks and typing through {@link DevToolsInput} where it can), and reports
 * what changed ({@link StepReport}); each step leaves a screenshot in the run's folder.
 */
public final class BrowserActuator implements Actuator {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserActuator.class);

    /** What performs one kind of action on the browser's current page. */
    @FunctionalInterface
    private interface Handler<A extends Action> {
        Outcome act(WebDriver driver, A action, ActGuard guard);
    }

    private final BrowserSession session;
    private final PageScripts scripts = new PageScripts();
    private final CurrentPage page = new CurrentPage(new PageObserver(scripts));
    private final TargetResolver resolver;
    private final StepScreenshots screenshots;
    private final DevToolsInput input = new DevToolsInput(scripts);
    private final StepReport report;
    private final ElementActions elements;
    private final Tabs tabs;
    private final PageReading reading;
    private final Map<Class<?>, Handler<Action>> handlers = new HashMap<>();
    private boolean closed;

    /**
     * @param screenshotFolder where each step's screenshot goes (the run's folder); empty for none
     * @param revealSecrets    puts the real values in for {@code {{secret:NAME}}} placeholders, at the moment of
     *                         typing and nowhere else (the vault's hook); {@link UnaryOperator#identity()} for none
     */
    public BrowserActuator(BrowserSettings settings, Optional<Path> screenshotFolder,
                           UnaryOperator<String> revealSecrets) {
        this(new BrowserSession(Require.nonNull(settings, "settings"), new BrowserLauncher()), screenshotFolder,
                revealSecrets, Polling.system(), settings.actionTimeout());
    }

    BrowserActuator(BrowserSession session, Optional<Path> screenshotFolder, UnaryOperator<String> revealSecrets,
                    Polling polling, Duration actionTimeout) {
        this.session = session;
        this.screenshots = new StepScreenshots(Require.nonNull(screenshotFolder, "screenshotFolder"), scripts);
        this.resolver = new TargetResolver(scripts, polling);
        ElementReadiness readiness = new ElementReadiness(scripts, page, resolver, polling, actionTimeout);
        this.report = new StepReport(page, scripts, screenshots);
        this.elements = new ElementActions(page, scripts, readiness, input, report,
                Require.nonNull(revealSecrets, "revealSecrets"));
        this.tabs = new Tabs(session, page, scripts, input, polling, actionTimeout);
        this.reading = new PageReading(scripts, page, resolver, polling, readiness, report);
        handle(Action.OpenUrl.class, (driver, open, guard) -> open(driver, open));
        handle(Action.Click.class, elements::click);
        handle(Action.Hover.class, elements::hover);
        handle(Action.Type.class, elements::type);
        handle(Action.Select.class, elements::select);
        handle(Action.SetChecked.class, elements::setChecked);
        handle(Action.PressKey.class, elements::press);
        handle(Action.Scroll.class, elements::scroll);
        handle(Action.WaitFor.class, (driver, wait, guard) -> reading.waitFor(driver, wait));
        handle(Action.Extract.class, reading::extract);
        handle(Action.Upload.class, elements::upload);
        handle(Action.SwitchTab.class, (driver, tab, guard) -> tabs.switchTo(driver, tab));
        handle(Action.CloseTab.class, (driver, tab, guard) -> tabs.close(driver, tab));
    }

    private <A extends Action> void handle(Class<A> kind, Handler<A> handler) {
        handlers.put(kind, (driver, action, guard) -> handler.act(driver, kind.cast(action), guard));
    }

    @Override
    public String surface() {
        return "browser";
    }

    @Override
    public boolean handles(Action action) {
        return action != null && handlers.containsKey(action.getClass());
    }

    /** The page as it is now, or {@link Observation#NONE} while no browser has been needed yet. */
    @Override
    public synchronized Observation observe() {
        if (closed || !session.isStarted()) {
            return Observation.NONE;
        }
        // The page as the last action left it, looked at a moment ago to report what changed: the loop's next
        // observation need not walk the page again.
        Optional<PageObservation> after = page.takeLookAfterAction();
        if (after.isPresent()) {
            return after.get();
        }
        try {
            return inLiveTab(page::look);
        } catch (WebDriverException e) {
            if (discardIfGone(e)) {
                LOG.warn("The browser is gone: {}", Brief.firstLine(e.getMessage()));
                return Observation.NONE;
            }
            throw e;
        }
    }

    @Override
    public synchronized Outcome perform(Action action, ActGuard guard) {
        page.mayHaveChanged();
        if (!handles(action)) {
            return Outcome.failed("The browser cannot " + (action == null ? "do nothing"
                    : action.kind().replace('_', ' ') + " (" + action.describe() + ")") + ".");
        }
        if (closed) {
            return Outcome.failed("The browser of this run is closed already; start a new run.");
        }
        try {
            return inLiveTab(driver -> {
                Outcome outcome = act(driver, action, guard);
                if (outcome instanceof Outcome.Done done) {
                    report.lookAfter(driver); // masks the page for the screenshot that follows
                    Optional<Path> shot = screenshots.take(driver, action.kind());
                    shot.ifPresent(page::shownIn);
                    return done.withScreenshot(shot.orElse(null));
                }
                screenshots.unmask(driver);
                return outcome;
            });
        } catch (ActGuard.NotAdmitted e) {
            return e.instead();
        } catch (DeftException.Retriable e) {
            unmaskQuietly();
            return Outcome.retriable(e.getMessage());
        } catch (DeftException e) {
            unmaskQuietly();
            return Outcome.failed(e.getMessage());
        } catch (WebDriverException e) {
            unmaskQuietly();
            scripts.leftTop();
            if (discardIfGone(e)) {
                LOG.warn("The browser is gone during {}", action.describe(), e);
                return Outcome.failed("The browser was closed or crashed (" + Brief.firstLine(e.getMessage())
                        + "); the next step starts a fresh one.");
            }
            LOG.warn("{} failed", action.describe(), e);
            return Outcome.failed(action.describe() + " failed: " + Brief.firstLine(e.getMessage()));
        }
    }

    /**
     * Runs {@code work} on the browser (starting it if it must); when the tab was closed under it, goes on in the
     * one opened last and tries once more.
     */
    private <T> T inLiveTab(Function<WebDriver, T> work) {
        WebDriver driver = session.driver();
        try {
            return work.apply(driver);
        } catch (NoSuchWindowException e) {
            session.keepWindow();
            input.drop(null);
            scripts.leftTop();
            return work.apply(driver);
        }
    }

    /** Whether the browser itself is gone (closed or crashed): then it is let go, and the next step starts one. */
    private boolean discardIfGone(WebDriverException e) {
        if (!BrowserSession.isGone(e)) {
            return false;
        }
        session.discard();
        input.drop(null);
        page.forget();
        return true;
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
        page.mayHaveChanged();
        if (closed || !session.isStarted()) {
            return Optional.empty();
        }
        try {
            WebDriver driver = session.driver();
            PageObservation now = page.look(driver);
            Grounding answer = resolver.ground(driver, now, target, TargetResolver.Want.ANY);
            if (!(answer instanceof Grounding.Found found) || !found.element().frame().isEmpty()) {
                return Optional.empty();
            }
            WebElement live = resolver.grab(driver, found.element(), now.token());
            return screenshots.outlined(driver, live);
        } catch (DeftException | WebDriverException e) {
            LOG.info("No approval picture of {}: {}", target, Brief.firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    /** Raises the browser's window and its tab (DevTools' Page.bringToFront); the next look walks the page again. */
    @Override
    public synchronized void bringToFront() {
        page.mayHaveChanged();
        if (closed || !session.isStarted()) {
            return;
        }
        try {
            WebDriver driver = session.driver();
            if (driver instanceof org.openqa.selenium.chromium.HasCdp cdp) {
                cdp.executeCdpCommand("Page.bringToFront", Map.of());
            } else {
                driver.switchTo().window(driver.getWindowHandle());
            }
        } catch (WebDriverException e) {
            LOG.info("Could not bring the browser to the front: {}", Brief.firstLine(e.getMessage()));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        input.drop(null);
        session.close();
    }

    /** How many clicks and typings went through Deft's own DevTools connection rather than WebDriver. */
    synchronized int inputsThroughDevTools() {
        return input.inputs();
    }

    /** How many browsers this actuator started, counting fresh ones after a crash. */
    public synchronized int browsersStarted() {
        return session.starts();
    }

    private Outcome act(WebDriver driver, Action action, ActGuard guard) {
        if (action.target().isEmpty() && !(action instanceof Action.PressKey)) {
            // acts on no element: judged as it is, on the page as last seen
            guard.require(Resolution.of(action, page.last().<Observation>map(p -> p).orElse(Observation.NONE)));
        }
        return handlers.get(action.getClass()).act(driver, action, guard);
    }

    private Outcome open(WebDriver driver, Action.OpenUrl open) {
        String url = open.url().matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? open.url() : "https://" + open.url();
        driver.get(url);
        scripts.leftTop();
        PageObservation after = page.look(driver);
        return Outcome.done("Opened \"" + after.title() + "\" at " + after.url() + ".");
    }
}
