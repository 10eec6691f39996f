package dev.deft.browser;

import dev.deft.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;

/**
 * Where an observation's time goes, each part measured interleaved in one run so that a busy machine slows all alike:
 * an empty WebDriver round trip (the floor), the walk of the page alone (answering only a count), the whole
 * observation as Deft makes it now (one string of a JSON head and a tab-separated line per element, read by
 * {@link PageObserver}), and the same walk sent as keyed JSON and read with Selenium's JSON reader (the form used before).
 * Run: {@code bench/run dev.deft.browser.ObservationWireBench [ROUNDS]}.
 */
public final class ObservationWireBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path doc = dev.deft.bench.ObservationBench.largestDocPage();
        BrowserSettings settings = BrowserSettings.defaults(System.getenv(), Files.createTempDirectory("deft-bench"))
                .withHeadless(true).withIncognito();
        try (DemoServer server = DemoServer.start(); BrowserSession session = new BrowserSession(settings, new BrowserLauncher())) {
            WebDriver driver = session.driver();
            System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %9s %9s %7s%n", "page (medians)", "elements", "floor",
                    "walk", "now", "before", "now/bef.", "chars");
            measure(driver, "lab: 2,000 elements", server.url("lab/elements.html?n=2000"), rounds);
            measure(driver, "lab: 4,000 elements", server.url("lab/elements.html?n=4000"), rounds);
            measure(driver, "demo shop catalogue", server.url("shop/?reset=1"), rounds);
            if (doc != null) {
                measure(driver, "doc: " + doc.getFileName(), doc.toUri().toString(), rounds);
            }
        }
    }

    private static void measure(WebDriver driver, String name, String url, int rounds) throws InterruptedException {
        driver.get(url);
        PageScripts scripts = new PageScripts();
        PageObserver observer = new PageObserver(scripts);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Json json = new Json();
        Map<String, Object> opts = Map.of("maxElements", PageObserver.MAX_ELEMENTS, "first", 1);
        PageObservation page = null;
        for (int i = 0; i < 20; i++) { // until the page's own script has built it all
            page = observer.observe(driver);
            if (page.total() > 0 && page.total() == observer.observe(driver).total()) {
                break;
            }
            Thread.sleep(100);
        }
        List<Double> floor = new ArrayList<>();
        List<Double> walk = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < rounds + 1; i++) {
            boolean warm = i == 0;
            time(floor, warm, () -> js.executeScript("return 1"));
            time(walk, warm, () -> js.executeScript("return window.__deftLib.observe(arguments[0]).elements.length", opts));
            time(now, warm, () -> observer.observe(driver));
            time(before, warm, () -> json.toType((String) js.executeScript(
                    "return JSON.stringify(window.__deftLib.observe(arguments[0]))", opts), Map.class));
            chars = ((String) scripts.call(driver, "observeText", opts)).length();
        }
        double n = median(now);
        double b = median(before);
        System.out.printf(Locale.ROOT, "%-28s %8d %6.1fms %6.1fms %6.1fms %7.1fms %9.2f %7d%n", cut(name, 28), page.total(),
                median(floor), median(walk), n, b, n / b, chars);
    }

    private static void time(List<Double> into, boolean warm, Supplier<Object> work) {
        long started = System.nanoTime();
        work.get();
        if (!warm) {
            into.add((System.nanoTime() - started) / 1e6);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
