package dev.deft.bench;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserSettings;
import dev.deft.browser.PageObservation;
import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Outcome;
import dev.deft.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * How long one observation takes and how big it is, on the demo pages, a generated page of 2,000 elements, and the
 * largest HTML page installed under /usr/share/doc (written by no one here). Run: {@code bench/run ObservationBench}.
 */
public final class ObservationBench {
    /** The check every step passes before acting, with Deft's own rules: part of what a step costs. */
    private static final dev.deft.core.ActGuard GUARD = dev.deft.core.ActGuard.unattended(new dev.deft.safety.RiskRules());

    private static final int ROUNDS = 15;

    public static void main(String[] args) throws IOException {
        Path largest = largestDocPage();
        try (DemoServer server = DemoServer.start();
             BrowserActuator browser = new BrowserActuator(BrowserSettings.defaults(System.getenv(),
                     Files.createTempDirectory("deft-bench")).withHeadless(true).withIncognito(),
                     Optional.empty(), UnaryOperator.identity())) {
            System.out.printf(Locale.ROOT, "%-46s %8s %8s %8s %8s %9s %9s%n", "page", "elements", "median", "p90",
                    "in-page", "full", "rendered");
            measure(browser, "demo shop catalogue", server.url("shop/?reset=1"), "Blue Teapot");
            measure(browser, "demo shop product", server.url("shop/product.html?id=lamp"), "Desk Lamp");
            measure(browser, "demo mail inbox", server.url("mail/"), "Lunch on Friday?");
            measure(browser, "demo account sign-in", server.url("account/"), "Sign in");
            measure(browser, "lab: 2,000 elements", server.url("lab/elements.html?n=2000"), "Item 1999");
            measure(browser, "lab: 4,000 elements", server.url("lab/elements.html?n=4000"), "Item 3999");
            if (largest != null) {
                measure(browser, "doc: " + largest, largest.toUri().toString(), null);
            } else {
                System.out.println("No HTML page found under /usr/share/doc; install a package with HTML docs.");
            }
        }
    }

    private static void measure(BrowserActuator browser, String name, String url, String readyText) {
        Outcome opened = browser.perform(new Action.OpenUrl(url), GUARD);
        if (!opened.succeeded()) {
            throw new IllegalStateException("Could not open " + url + ": " + opened.detail());
        }
        if (readyText != null) {
            browser.perform(new Action.WaitFor(new Condition.TextShown(readyText), Duration.ofSeconds(10)), GUARD);
        }
        browser.observe(); // warm: the library is installed and numbers are given once
        List<Double> millis = new ArrayList<>();
        PageObservation page = null;
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            page = (PageObservation) browser.observe();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Comparator.naturalOrder());
        int full = page.render(Integer.MAX_VALUE).length();
        int rendered = page.render(PageObservation.DEFAULT_BUDGET).length();
        System.out.printf(Locale.ROOT, "%-46s %8d %6.1fms %6.1fms %6.1fms %8dc %8dc%n", cut(name, 46), page.total(),
                millis.get(ROUNDS / 2), millis.get((int) (ROUNDS * 0.9)), page.millis(), full, rendered);
    }

    /** The largest HTML file under /usr/share/doc, up to 5 MB (bigger ones are rare and slow to load). */
    public static Path largestDocPage() throws IOException {
        Path docs = Path.of("/usr/share/doc");
        if (!Files.isDirectory(docs)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(docs)) {
            return files.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p))
                    .filter(p -> size(p) < 5_000_000)
                    .max(Comparator.comparingLong(ObservationBench::size)).orElse(null);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
    }
}
