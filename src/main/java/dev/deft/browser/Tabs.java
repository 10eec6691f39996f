package dev.deft.browser;

import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.Outcome;
import dev.deft.core.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The browser's tabs: switching to one by its number, {@code last}, or words of its title or address; closing one. */
final class Tabs {
    private static final Logger LOG = LoggerFactory.getLogger(Tabs.class);

    private final BrowserSession session;
    private final CurrentPage page;
    private final PageScripts scripts;
    private final DevToolsInput input;
    private final Polling polling;
    private final Duration timeout;

    Tabs(BrowserSession session, CurrentPage page, PageScripts scripts, DevToolsInput input, Polling polling,
         Duration timeout) {
        this.session = session;
        this.page = page;
        this.scripts = scripts;
        this.input = input;
        this.polling = polling;
        this.timeout = timeout;
    }

    Outcome switchTo(WebDriver driver, Action.SwitchTab tab) {
        input.drop(null); // Deft's DevTools connection is to one tab's page
        List<String> handles = polling.until("tab " + tab.which(), timeout, () -> {
            List<String> all = new ArrayList<>(driver.getWindowHandles());
            return pick(driver, all, tab.which()).isPresent() ? Polling.Probe.ready(all)
                    : Polling.Probe.notYet("there are " + all.size() + " tabs: " + titles(driver, all));
        });
        String handle = pick(driver, handles, tab.which()).orElseThrow();
        driver.switchTo().window(handle);
        scripts.leftTop();
        PageObservation after = page.look(driver);
        return Outcome.done("Switched to tab " + (handles.indexOf(handle) + 1) + " of " + handles.size() + ": \""
                + after.title() + "\" at " + after.url() + ".");
    }

    /** Closes a tab and goes on in the one opened last; the last tab closes the browser, and the next step opens one. */
    Outcome close(WebDriver driver, Action.CloseTab tab) {
        input.drop(null);
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        String handle = tab.which().map(which -> pick(driver, handles, which)
                .orElseThrow(() -> new DeftException("No tab matches \"" + which + "\"; the tabs are "
                        + titles(driver, handles) + "."))).orElse(driver.getWindowHandle());
        driver.switchTo().window(handle);
        String title = driver.getTitle();
        if (handles.size() == 1) {
            session.discard();
            page.forget();
            return Outcome.done("Closed the last tab (\"" + title + "\"); the browser is closed and the next step "
                    + "opens a fresh one.");
        }
        driver.close();
        handles.remove(handle);
        driver.switchTo().window(handles.get(handles.size() - 1));
        scripts.leftTop();
        PageObservation after = page.look(driver);
        return Outcome.done("Closed \"" + title + "\"; now on \"" + after.title() + "\" at " + after.url() + ".");
    }

    private Optional<String> pick(WebDriver driver, List<String> handles, String which) {
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

    private static String titles(WebDriver driver, List<String> handles) {
        String current = driver.getWindowHandle();
        List<String> titles = new ArrayList<>();
        for (String handle : handles) {
            driver.switchTo().window(handle);
            titles.add("\"" + driver.getTitle() + "\"");
        }
        driver.switchTo().window(current);
        return String.join(", ", titles);
    }
}
