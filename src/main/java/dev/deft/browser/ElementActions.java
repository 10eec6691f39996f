package dev.deft.browser;

import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.Outcome;
import dev.deft.core.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The actions on one element of a page: click, hover, type, choose, check, press a key in it, scroll to it, upload
 * into it. Each gets its element ready and judged by the step's guard ({@link ElementReadiness}), acts on that element,
 * and says what it holds and what changed ({@link StepReport}).
 */
final class ElementActions {
    private final CurrentPage page;
    private final PageScripts scripts;
    private final ElementReadiness readiness;
    private final DevToolsInput input;
    private final StepReport report;
    private final UnaryOperator<String> revealSecrets;

    /** @param revealSecrets puts the real values in for secret placeholders, at the moment of typing only */
    ElementActions(CurrentPage page, PageScripts scripts, ElementReadiness readiness, DevToolsInput input,
                   StepReport report, UnaryOperator<String> revealSecrets) {
        this.page = page;
        this.scripts = scripts;
        this.readiness = readiness;
        this.input = input;
        this.report = report;
        this.revealSecrets = revealSecrets;
    }

    Outcome click(WebDriver driver, Action.Click click, ActGuard guard) {
        ReadyElement ready = readiness.ready(driver, click, click.on(), TargetResolver.Want.CLICKABLE, true, guard);
        switch (click.button()) {
            case LEFT -> {
                if (!input.click(driver, ready)) {
                    ready.live().click();
                }
            }
            case DOUBLE -> new Actions(driver).doubleClick(ready.live()).perform();
            case RIGHT -> new Actions(driver).contextClick(ready.live()).perform();
        }
        page.acted();
        String verb = switch (click.button()) {
            case LEFT -> "Clicked ";
            case DOUBLE -> "Double-clicked ";
            case RIGHT -> "Right-clicked ";
        };
        return Outcome.done(verb + ready.named() + report.changes(driver, ready.before()));
    }

    Outcome hover(WebDriver driver, Action.Hover hover, ActGuard guard) {
        ReadyElement ready = readiness.ready(driver, hover, hover.on(), TargetResolver.Want.CLICKABLE, false, guard);
        new Actions(driver).moveToElement(ready.live()).perform();
        return Outcome.done("Hovered over " + ready.named() + report.changes(driver, ready.before()));
    }

    Outcome type(WebDriver driver, Action.Type type, ActGuard guard) {
        ReadyElement ready = readiness.ready(driver, type, type.into(), TargetResolver.Want.FIELD, true, guard);
        WebElement field = ready.live();
        String text = type.text().isEmpty() ? "" : revealSecrets.apply(type.text());
        // Through Deft's own DevTools connection where it can: focused (and all selected, to replace) in one
        // script, then a key press a character; else WebDriver's clear and sendKeys.
        boolean devToolsTypes = DevToolsPage.typeable(text) && input.mayType(driver, ready);
        if (type.replace() && !devToolsTypes) {
            field.clear();
        }
        boolean secret = type.text().contains("{{secret:");
        if (secret) {
            // Marked so that screenshots hide what it holds, whatever kind of field it is.
            ((JavascriptExecutor) driver).executeScript("arguments[0].setAttribute('data-deft-secret', '')", field);
        }
        if (devToolsTypes) {
            input.type(driver, ready, text, type.replace());
        } else if (!text.isEmpty()) {
            field.sendKeys(text);
        }
        page.acted();
        Optional<String> early = report.readEarly(driver, ready, secret);
        String change = report.sameFrameChanges(driver, ready.before());
        String now = report.held(driver, ready, early);
        String verb = type.text().isEmpty() ? (type.replace() ? "Cleared " : "Typed nothing into ")
                : (type.replace() ? "Typed into " : "Added to ");
        return Outcome.done(verb + ready.named() + "; it now holds " + now + "." + change);
    }

    Outcome select(WebDriver driver, Action.Select select, ActGuard guard) {
        ReadyElement ready = readiness.ready(driver, select, select.list(), TargetResolver.Want.LIST, true, guard);
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
        Optional<String> early = report.readEarly(driver, ready, false);
        String change = report.sameFrameChanges(driver, ready.before());
        return Outcome.done("Chose \"" + chosen + "\" in " + ready.named()
                + "; it now shows " + report.held(driver, ready, early) + "." + change);
    }

    Outcome setChecked(WebDriver driver, Action.SetChecked box, ActGuard guard) {
        ReadyElement ready = readiness.ready(driver, box, box.box(), TargetResolver.Want.CHECKBOX, true, guard);
        boolean isRadio = ready.element().role().equals("radio");
        if (report.isChecked(driver, ready.live()) != box.checked()) {
            if (isRadio && !box.checked()) {
                throw new DeftException(ready.element().describe() + " is a radio button: it cannot be unchecked; "
                        + "choose another option instead.");
            }
            ready.live().click();
            page.acted();
        }
        boolean now = report.isChecked(driver, ready.live());
        if (now != box.checked()) {
            throw new DeftException.Retriable(ready.element().describe() + " is still "
                    + (now ? "checked" : "unchecked") + " after clicking it.");
        }
        return Outcome.done((box.checked() ? "Checked " : "Unchecked ") + ready.named() + "; it is now "
                + (now ? "checked" : "unchecked") + "." + report.sameFrameChanges(driver, ready.before()));
    }

    Outcome press(WebDriver driver, Action.PressKey key, ActGuard guard) {
        CharSequence keys = KeyChord.parse(key.keys());
        if (key.in().isPresent()) {
            ReadyElement ready = readiness.ready(driver, key, key.in().get(), TargetResolver.Want.CLICKABLE, true,
                    guard);
            ready.live().sendKeys(keys);
            page.acted();
            return Outcome.done("Pressed " + key.keys() + " in " + ready.named()
                    + report.changes(driver, ready.before()));
        }
        PageObservation before = page.look(driver);
        // a key pressed where the focus is acts on the focused element: Enter there submits its form
        Optional<PageElement> focused = before.pageElements().stream()
                .filter(e -> e.has("focused") && !e.role().equals("frame")).reduce((outer, inner) -> inner);
        guard.require(Resolution.of(focused.map(e -> key.withTarget(e.asTarget())).orElse(key), before));
        scripts.toTop(driver);
        driver.switchTo().activeElement().sendKeys(keys);
        page.acted();
        return Outcome.done("Pressed " + key.keys() + report.changes(driver, before));
    }

    Outcome scroll(WebDriver driver, Action.Scroll scroll, ActGuard guard) {
        if (scroll.to().isPresent()) {
            ReadyElement ready = readiness.ready(driver, scroll, scroll.to().get(), TargetResolver.Want.ANY, false,
                    guard);
            ((JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});",
                    ready.live());
            PageObservation after = page.look(driver);
            boolean inView = after.element(ready.element().number()).map(PageElement::inView).orElse(false);
            return Outcome.done("Scrolled to " + ready.element().describe() + (inView ? "; it is in view." : "."));
        }
        scripts.toTop(driver);
        PageObservation before = page.look(driver);
        int step = scroll.amount() > 0 ? scroll.amount() : (int) (before.scroll().viewportHeight() * 0.8);
        int dx = 0;
        int dy = 0;
        switch (scroll.direction()) {
            case UP -> dy = -step;
            case DOWN -> dy = step;
            case LEFT -> dx = -step;
            case RIGHT -> dx = step;
        }
        ((JavascriptExecutor) driver).executeScript(
                "window.scrollBy({left: arguments[0], top: arguments[1], behavior: 'instant'});", dx, dy);
        PageObservation after = page.look(driver);
        if (after.scroll().y() == before.scroll().y() && after.scroll().x() == before.scroll().x()) {
            return Outcome.done("The page did not move: it is already at the "
                    + (dy > 0 || dx > 0 ? "end" : "start") + " (" + after.scroll().y() + " of "
                    + after.scroll().pageHeight() + " px).");
        }
        return Outcome.done("Scrolled " + scroll.direction().name().toLowerCase(Locale.ROOT) + " to "
                + after.scroll().y() + " of " + after.scroll().pageHeight() + " px.");
    }

    Outcome upload(WebDriver driver, Action.Upload upload, ActGuard guard) {
        Path file = Path.of(upload.file()).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new DeftException("There is no file at " + file + "; give the full path of a file to upload.");
        }
        ReadyElement ready = readiness.ready(driver, upload, upload.into(), TargetResolver.Want.FILE, true, guard);
        ready.live().sendKeys(file.toString());
        Optional<String> early = report.readEarly(driver, ready, false);
        String change = report.sameFrameChanges(driver, ready.before());
        return Outcome.done("Chose " + file.getFileName() + " for " + ready.named()
                + "; it now holds " + report.held(driver, ready, early) + "." + change);
    }
}
