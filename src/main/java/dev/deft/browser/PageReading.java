package dev.deft.browser;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.Brief;
import dev.deft.core.Condition;
import dev.deft.core.DeftException;
import dev.deft.core.Outcome;
import dev.deft.core.Polling;
import dev.deft.core.Stopped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Waiting for what a page should come to show, and reading what it shows: a text, a table, the main text. */
final class PageReading {
    private final PageScripts scripts;
    private final CurrentPage page;
    private final TargetResolver resolver;
    private final Polling polling;
    private final ElementReadiness readiness;
    private final StepReport report;

    PageReading(PageScripts scripts, CurrentPage page, TargetResolver resolver, Polling polling,
                ElementReadiness readiness, StepReport report) {
        this.scripts = scripts;
        this.page = page;
        this.resolver = resolver;
        this.polling = polling;
        this.readiness = readiness;
        this.report = report;
    }

    Outcome waitFor(WebDriver driver, Action.WaitFor wait) {
        Condition condition = wait.condition();
        if (condition instanceof Condition.ElementShown shown) {
            Grounding.Found found = resolver.resolve(driver, () -> page.look(driver), shown.target(),
                    TargetResolver.Want.ANY, wait.timeout());
            return Outcome.done(found.element().describe() + " is shown.");
        }
        if (condition instanceof Condition.UrlContains url) {
            String at = polling.until("the address to contain \"" + url.fragment() + "\"", wait.timeout(), () -> {
                scripts.toTop(driver);
                String now = driver.getCurrentUrl();
                return now != null && now.contains(url.fragment()) ? Polling.Probe.ready(now)
                        : Polling.Probe.notYet("it is " + now);
            });
            page.look(driver);
            return Outcome.done("The address is now " + at + ".");
        }
        if (condition instanceof Condition.Settled settled) {
            return settle(driver, settled, wait.timeout());
        }
        if (condition instanceof Condition.Elapsed elapsed) {
            Duration left = elapsed.time().minus(page.sinceActed());
            pause(left.isNegative() ? Duration.ZERO : left);
            page.look(driver);
            return Outcome.done("Waited " + Brief.seconds(elapsed.time()) + ".");
        }
        boolean gone = condition instanceof Condition.TextGone;
        String text = gone ? ((Condition.TextGone) condition).text() : ((Condition.TextShown) condition).text();
        String wanted = TextMatch.normal(text);
        polling.until("\"" + text + "\" to be " + (gone ? "gone" : "shown"), wait.timeout(), () -> {
            scripts.toTop(driver);
            boolean shown = TextMatch.normal(String.valueOf(scripts.call(driver, "pageText"))).contains(wanted);
            return shown != gone ? Polling.Probe.ready(true)
                    : Polling.Probe.notYet(gone ? "it is still shown" : "the page does not show it");
        });
        page.look(driver);
        return Outcome.done("\"" + text + "\" is " + (gone ? "gone." : "shown."));
    }

    private void pause(Duration time) {
        try {
            polling.sleeper().sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("a wait the request asked for");
        }
    }

    /**
     * Polls the page's text until it stays the same for the quiet time, counting no change of digits alone, with
     * nothing saying the page is still on its way (a request in flight, a page just loaded, "Loading…"); a page that
     * never settles is reported.
     */
    private Outcome settle(WebDriver driver, Condition.Settled settled, Duration timeout) {
        long[] since = {System.nanoTime()};
        String[] seen = {null};
        try {
            polling.until("the page to stop changing", timeout, () -> {
                scripts.toTop(driver);
                // a ticking clock or countdown is no change: only the digits change there
                String text = String.valueOf(scripts.call(driver, "pageText")).replaceAll("\\d", "#");
                Object pending = scripts.call(driver, "pending");
                if (!text.equals(seen[0]) || pending instanceof String why && !why.isEmpty()) {
                    seen[0] = text;
                    since[0] = System.nanoTime();
                    return Polling.Probe.notYet("it changed");
                }
                return Duration.ofNanos(System.nanoTime() - since[0]).compareTo(settled.quiet()) >= 0
                        ? Polling.Probe.ready(true) : Polling.Probe.notYet("it changed lately");
            });
        } catch (DeftException.Retriable stillChanging) {
            page.look(driver);
            return Outcome.done("The page was still changing after " + timeout.toSeconds() + " s; going on.");
        }
        page.look(driver);
        return Outcome.done("The page has stopped changing.");
    }

    Outcome extract(WebDriver driver, Action.Extract extract, ActGuard guard) {
        switch (extract.what()) {
            case TABLE -> {
                WebElement from = null;
                String where = "the page";
                if (extract.from().isPresent()) {
                    ReadyElement ready = readiness.ready(driver, extract, extract.from().get(), TargetResolver.Want.ANY,
                            false, guard);
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
                return Outcome.read(StepReport.tableJson(table), "Read a table of " + table.size() + " rows and "
                        + columns + " columns from " + where + ".");
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
                ReadyElement ready = readiness.ready(driver, extract, extract.from().get(), TargetResolver.Want.ANY,
                        false, guard);
                String text = ready.element().isField() ? report.readValue(driver, ready.live(), false)
                        : ready.live().getText().strip();
                if (ready.element().isField() && text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
                    text = text.substring(1, text.length() - 1);
                }
                return Outcome.read(text, "Read " + ready.named() + ".");
            }
        }
    }
}
