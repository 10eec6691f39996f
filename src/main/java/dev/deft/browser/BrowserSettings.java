package dev.deft.browser;

import dev.deft.core.DeftException;
import dev.deft.core.Require;
import dev.deft.core.RunSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the browser: which Chromium and chromedriver (from {@code DEFT_CHROMIUM} and {@code DEFT_CHROMEDRIVER},
 * else what is installed), headed or headless, which profile folder (a persistent one under Deft's data folder by
 * default, so a person stays signed in), or a throw-away one, or a Selenium Grid to run on instead.
 *
 * @param browser        a Chromium-family executable locally, or the browser name a Grid offers
 * @param profile        the profile folder; empty with {@code incognito}
 * @param actionTimeout  how long an action waits for its element to be there and ready
 */
public record BrowserSettings(Path browser, Path driver, boolean headless, Optional<Path> profile, boolean incognito,
                              Optional<URI> grid, String gridBrowser, Duration actionTimeout) {

    /** Where Debian, Ubuntu, Fedora, Arch, macOS and Windows put a Chromium-family browser, in that order. */
    static final List<String> BROWSER_PLACES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    static final List<String> DRIVER_PLACES = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver", "/usr/local/bin/chromedriver",
            "/opt/homebrew/bin/chromedriver", "C:\\Program Files\\chromedriver\\chromedriver.exe");
    static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(8);

    public BrowserSettings {
        Require.nonNull(browser, "browser");
        Require.nonNull(driver, "driver");
        profile = profile == null ? Optional.empty() : profile;
        grid = grid == null ? Optional.empty() : grid;
        gridBrowser = gridBrowser == null || gridBrowser.isBlank() ? "chrome" : gridBrowser.strip();
        actionTimeout = actionTimeout == null ? DEFAULT_ACTION_TIMEOUT : actionTimeout;
        if (incognito && profile.isPresent()) {
            throw new IllegalArgumentException("a browser takes a profile folder or incognito, not both");
        }
    }

    /** The installed browser, headed, with the persistent profile under {@code dataDir}. */
    public static BrowserSettings defaults(Map<String, String> env, Path dataDir) {
        return new BrowserSettings(locate("DEFT_CHROMIUM", env, BROWSER_PLACES, "a Chromium-family browser",
                "apt install chromium"), locate("DEFT_CHROMEDRIVER", env, DRIVER_PLACES, "chromedriver",
                "apt install chromium-driver"), false, Optional.of(dataDir.resolve("browser-profile")), false,
                Optional.empty(), "chrome", DEFAULT_ACTION_TIMEOUT);
    }

    /**
     * The settings a run asks for: {@code --headless}, {@code --browser NAME|PATH}, {@code --grid URL},
     * {@code --profile DIR} or {@code --incognito}. A local browser and driver are only looked for when no Grid is given.
     */
    public static BrowserSettings forRun(RunSpec spec, Map<String, String> env, Path dataDir) {
        Optional<URI> grid = spec.grid().map(BrowserSettings::gridAddress);
        Path browser;
        Path driver;
        String gridBrowser = "chrome";
        if (grid.isPresent()) {
            browser = Path.of("(on the grid)");
            driver = Path.of("(on the grid)");
            gridBrowser = spec.browser().orElse("chrome").toLowerCase(Locale.ROOT);
        } else {
            browser = spec.browser().map(BrowserSettings::localBrowser)
                    .orElseGet(() -> locate("DEFT_CHROMIUM", env, BROWSER_PLACES, "a Chromium-family browser",
                            "apt install chromium"));
            driver = locate("DEFT_CHROMEDRIVER", env, DRIVER_PLACES, "chromedriver", "apt install chromium-driver");
        }
        Optional<Path> profile = spec.incognito() ? Optional.empty()
                : Optional.of(spec.profile().orElse(dataDir.resolve("browser-profile")).toAbsolutePath());
        return new BrowserSettings(browser, driver, spec.headless(), profile, spec.incognito(), grid, gridBrowser,
                DEFAULT_ACTION_TIMEOUT);
    }

    public BrowserSettings withHeadless(boolean on) {
        return new BrowserSettings(browser, driver, on, profile, incognito, grid, gridBrowser, actionTimeout);
    }

    /** A throw-away profile that is gone when the browser closes. */
    public BrowserSettings withIncognito() {
        return new BrowserSettings(browser, driver, headless, Optional.empty(), true, grid, gridBrowser, actionTimeout);
    }

    public BrowserSettings withProfile(Path folder) {
        return new BrowserSettings(browser, driver, headless, Optional.of(folder), false, grid, gridBrowser, actionTimeout);
    }

    public BrowserSettings withGrid(URI address) {
        return new BrowserSettings(browser, driver, headless, profile, incognito, Optional.of(address), gridBrowser,
                actionTimeout);
    }

    public BrowserSettings withActionTimeout(Duration timeout) {
        return new BrowserSettings(browser, driver, headless, profile, incognito, grid, gridBrowser, timeout);
    }

    private static Path localBrowser(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (asPath.isAbsolute() || nameOrPath.contains("/") || nameOrPath.contains("\\")) {
            if (!Files.isExecutable(asPath)) {
                throw new DeftException.Configuration("--browser " + nameOrPath + " is not an executable file; "
                        + "give the path of a Chromium-family browser.");
            }
            return asPath;
        }
        String name = nameOrPath.toLowerCase(Locale.ROOT);
        return BROWSER_PLACES.stream().filter(place -> place.toLowerCase(Locale.ROOT).contains(name.replace("chrome", "chrom")))
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new DeftException.Configuration("No browser named \"" + nameOrPath
                        + "\" is installed in the usual places; give its path with --browser PATH or DEFT_CHROMIUM."));
    }

    /** The Chromium-family browser Deft would start: {@code DEFT_CHROMIUM}, or the first in the usual places. */
    public static Path installedBrowser(Map<String, String> env) {
        return locate("DEFT_CHROMIUM", env, BROWSER_PLACES, "a Chromium-family browser", "apt install chromium");
    }

    /** The chromedriver Deft would start: {@code DEFT_CHROMEDRIVER}, or the first in the usual places. */
    public static Path installedDriver(Map<String, String> env) {
        return locate("DEFT_CHROMEDRIVER", env, DRIVER_PLACES, "chromedriver", "apt install chromium-driver");
    }

    static Path locate(String variable, Map<String, String> env, List<String> places, String what, String install) {
        String given = env.get(variable);
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given.strip());
            if (!Files.isExecutable(path)) {
                throw new DeftException.Configuration(variable + " points at " + path + ", which is not an executable "
                        + "file; fix it or unset it.");
            }
            return path;
        }
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new DeftException.Configuration("No " + what + " found in the usual places; install it ("
                        + install + ") or set " + variable + " to its path."));
    }

    private static URI gridAddress(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DeftException.Configuration("--grid " + url + " is not an http(s) address such as "
                    + "http://localhost:4444.");
        }
    }
}
