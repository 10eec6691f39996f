package dev.deft.browser;

import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.LocalFileDetector;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a browser as {@link BrowserSettings} say: the local Chromium through the system chromedriver (built on the
 * driver file, so Selenium Manager is never needed), or a session on a Selenium Grid.
 */
final class BrowserLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLauncher.class);

    /** The flags every Deft browser gets: no traffic of its own, no first-run questions, fit for small machines. */
    static final List<String> QUIET_FLAGS = List.of("--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage",
            "--disable-search-engine-choice-screen", "--password-store=basic", "--window-size=1280,900");

    /**
     * Selenium looks for a DevTools binding matching the browser's version and warns when it has none; Deft does
     * not use DevTools, so the warning is noise. Held here so the level sticks.
     */
    private static final java.util.logging.Logger CDP_NOISE =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_NOISE.setLevel(java.util.logging.Level.SEVERE);
    }

    private final boolean runningAsRoot;

    BrowserLauncher() {
        this("root".equals(System.getProperty("user.name")));
    }

    BrowserLauncher(boolean runningAsRoot) {
        this.runningAsRoot = runningAsRoot;
    }

    WebDriver start(BrowserSettings settings) {
        return settings.grid().isPresent() ? remote(settings) : local(settings);
    }

    /** The options a session is asked with, for the local browser or a Grid's. */
    ChromeOptions options(BrowserSettings settings) {
        ChromeOptions options = new ChromeOptions();
        List<String> flags = new ArrayList<>(QUIET_FLAGS);
        if (settings.headless()) {
            flags.add("--headless=new");
        }
        boolean local = settings.grid().isEmpty();
        boolean loopbackGrid = settings.grid().map(uri -> isLoopback(uri.getHost())).orElse(false);
        if (runningAsRoot && (local || loopbackGrid)) {
            flags.add("--no-sandbox"); // Chromium refuses to start as root with its sandbox on
        }
        if (settings.incognito()) {
            flags.add("--incognito");
        }
        settings.profile().ifPresent(folder -> flags.add("--user-data-dir=" + folder.toAbsolutePath()));
        options.addArguments(flags);
        if (local) {
            options.setBinary(settings.browser().toFile());
        } else if (!settings.gridBrowser().equals("chrome") && !settings.gridBrowser().equals("chromium")) {
            options.setCapability("browserName", settings.gridBrowser());
        }
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        return options;
    }

    /** A local browser with WebDriver BiDi on, so that a recorder can hear from every page it loads. */
    WebDriver startWatched(BrowserSettings settings) {
        return local(settings, true);
    }

    private WebDriver local(BrowserSettings settings) {
        return local(settings, false);
    }

    private WebDriver local(BrowserSettings settings, boolean bidi) {
        settings.profile().ifPresent(BrowserLauncher::createFolder);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.driver().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        try {
            ChromeOptions options = options(settings);
            if (bidi) {
                options.setCapability("webSocketUrl", true);
            }
            ChromeDriver driver = new ChromeDriver(service, options);
            watchNetwork(driver);
            return withTimeouts(driver);
        } catch (WebDriverException e) {
            service.stop();
            throw new DeftException.Configuration(whyNotStarted(settings, e), e);
        }
    }

    private WebDriver remote(BrowserSettings settings) {
        try {
            RemoteWebDriver driver = new RemoteWebDriver(settings.grid().orElseThrow().toURL(), options(settings));
            driver.setFileDetector(new LocalFileDetector()); // uploads send the file to the Grid's node
            return withTimeouts(driver);
        } catch (MalformedURLException e) {
            throw new DeftException.Configuration("--grid " + settings.grid().orElseThrow() + " is not a usable address.", e);
        } catch (WebDriverException e) {
            throw new DeftException.Configuration("The Selenium Grid at " + settings.grid().orElseThrow()
                    + " did not start a " + settings.gridBrowser() + " session (" + Brief.firstLine(e.getMessage())
                    + "); check that it runs and offers that browser.", e);
        }
    }

    /**
     * Registers the request counter for every document the tab opens, so that requests a page sends while it loads are
     * counted too. Without it (a browser without DevTools) the page library carries the counter from its first call.
     */
    private static void watchNetwork(ChromeDriver driver) {
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PageScripts.NETWORK_WATCH));
        } catch (WebDriverException e) {
            LOG.debug("Requests are counted from the page library's first call on ({})", Brief.firstLine(e.getMessage()));
        }
    }

    private static WebDriver withTimeouts(WebDriver driver) {
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    private static String whyNotStarted(BrowserSettings settings, WebDriverException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("user data directory is already in use") || message.contains("ProcessSingleton")) {
            return "The browser profile " + settings.profile().map(Path::toString).orElse("") + " is in use by another "
                    + "Chromium; close that browser, or run with --profile DIR or --incognito.";
        }
        return "Could not start " + settings.browser() + " through " + settings.driver() + " (" + Brief.firstLine(message)
                + "); check DEFT_CHROMIUM and DEFT_CHROMEDRIVER, and that their versions match.";
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DeftException.Configuration("Cannot create the browser profile folder " + folder + ": "
                    + e.getMessage() + "; choose another with --profile DIR.", e);
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
