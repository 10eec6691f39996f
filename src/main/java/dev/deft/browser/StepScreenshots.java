package dev.deft.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Saves a viewport screenshot for each step, numbered in order, in the run's screenshot folder. */
final class StepScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(StepScreenshots.class);

    private final Optional<Path> folder;
    private final PageScripts scripts;
    private int taken;
    private int pictures;

    StepScreenshots(Optional<Path> folder, PageScripts scripts) {
        this.folder = folder;
        this.scripts = scripts;
    }

    /** The file written, or empty when there is no folder or the browser could not take one (never fails a step). */
    Optional<Path> take(WebDriver driver, String kind) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] png = maskedScreenshot(driver);
            Files.createDirectories(folder.get());
            Path file = folder.get().resolve(String.format(Locale.ROOT, "step-%03d-%s.png", ++taken, kind));
            Files.write(file, png);
            return Optional.of(file);
        } catch (IOException | WebDriverException e) {
            LOG.warn("Could not save a screenshot in {}: {}", folder.get(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * The viewport with {@code element} (of the top page) scrolled into view and outlined, as
     * {@code approval-NNN.png}; the page's own style of the element is put back afterwards.
     */
    Optional<Path> outlined(WebDriver driver, WebElement element) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("const e = arguments[0]; e.scrollIntoView({block: 'center', inline: 'nearest'});"
                + "e.setAttribute('data-deft-style', e.getAttribute('style') ?? '\u0000');"
                + "e.style.setProperty('outline', '4px solid #e5534b', 'important');"
                + "e.style.setProperty('outline-offset', '3px', 'important');", element);
        try {
            byte[] png = maskedScreenshot(driver);
            Files.createDirectories(folder.get());
            Path file = folder.get().resolve(String.format(Locale.ROOT, "approval-%03d.png", ++pictures));
            Files.write(file, png);
            return Optional.of(file);
        } catch (IOException e) {
            LOG.warn("Could not save an approval picture in {}: {}", folder.get(), e.toString());
            return Optional.empty();
        } finally {
            js.executeScript("const e = arguments[0]; const before = e.getAttribute('data-deft-style');"
                    + "e.removeAttribute('data-deft-style');"
                    + "if (before === '\u0000') e.removeAttribute('style'); else e.setAttribute('style', before);",
                    element);
        }
    }

    /** The viewport with sensitive fields shown as dots; without a mask there is no screenshot. */
    private byte[] maskedScreenshot(WebDriver driver) {
        scripts.toTop(driver);
        scripts.call(driver, "mask", true);
        try {
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        } finally {
            scripts.call(driver, "mask", false);
        }
    }
}
