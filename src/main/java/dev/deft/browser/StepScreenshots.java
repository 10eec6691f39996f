package dev.deft.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Saves a viewport screenshot for each step, numbered in order, in the run's screenshot folder. */
final class StepScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(StepScreenshots.class);

    private final Optional<Path> folder;
    private final PageScripts scripts;
    /** Good enough to read every word of a page, for a person or a model. */
    private static final int JPEG_QUALITY = 80;

    private int taken;
    private int pictures;
    private boolean cdpWorks = true;
    /** Whether the page's sensitive fields are masked now (the look after an action masks them for the shot). */
    private boolean masked;
    /** Whether the page was made ready for the next shot (masked, or found with nothing to mask) since it last changed. */
    private boolean maskReady;

    StepScreenshots(Optional<Path> folder, PageScripts scripts) {
        this.folder = folder;
        this.scripts = scripts;
    }

    boolean enabled() {
        return folder.isPresent();
    }

    /**
     * Notes that the look after the action masked the page already ({@code fields} of it), so the shot need not mask
     * it again, nor unmask it after when there was nothing to hide.
     */
    void maskedAlready(int fields) {
        maskReady = true;
        masked = fields > 0;
    }

    /** Shows the sensitive fields again, if they are masked; for a step that ends without a screenshot. */
    void unmask(WebDriver driver) {
        maskReady = false;
        if (masked) {
            masked = false;
            scripts.toTop(driver);
            scripts.call(driver, "mask", false);
        }
    }

    /** The file written, or empty when there is no folder or the browser could not take one (never fails a step). */
    Optional<Path> take(WebDriver driver, String kind) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            Shot shot = maskedScreenshot(driver);
            Files.createDirectories(folder.get());
            Path file = folder.get().resolve(String.format(Locale.ROOT, "step-%03d-%s.%s", ++taken, kind, shot.extension()));
            Files.write(file, shot.bytes());
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
            Shot shot = maskedScreenshot(driver);
            Files.createDirectories(folder.get());
            Path file = folder.get().resolve(String.format(Locale.ROOT, "approval-%03d.%s", ++pictures, shot.extension()));
            Files.write(file, shot.bytes());
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
    private Shot maskedScreenshot(WebDriver driver) {
        scripts.toTop(driver);
        if (!maskReady) {
            Object fields = scripts.call(driver, "mask", true);
            masked = !(fields instanceof Number count) || count.intValue() > 0;
        }
        try {
            return capture(driver);
        } finally {
            unmask(driver);
        }
    }

    /** An image and the file extension its format takes. */
    private record Shot(byte[] bytes, String extension) {
    }

    /**
     * The viewport as a JPEG through DevTools where the browser offers it (measured: 10–25 ms less than WebDriver's
     * PNG, most of the rest being Chromium producing the frame, whatever the format), else WebDriver's PNG (a Grid).
     */
    private Shot capture(WebDriver driver) {
        if (driver instanceof HasCdp cdp && cdpWorks) {
            try {
                Object data = cdp.executeCdpCommand("Page.captureScreenshot", Map.of("format", "jpeg", "quality",
                        JPEG_QUALITY, "optimizeForSpeed", true)).get("data");
                if (data instanceof String base64) {
                    return new Shot(Base64.getDecoder().decode(base64), "jpg");
                }
            } catch (WebDriverException e) {
                LOG.debug("DevTools took no screenshot ({}); using WebDriver's from now on", e.toString());
            }
            cdpWorks = false;
        }
        return new Shot(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES), "png");
    }
}
