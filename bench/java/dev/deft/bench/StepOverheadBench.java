package dev.deft.bench;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserSettings;
import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.RunControl;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.core.Target;
import dev.deft.demo.DemoServer;
import dev.deft.memory.H2RunJournal;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cost of one Deft step (observe, ground, act, journal, screenshot, through the real {@link AgentLoop} with the
 * H2 journal) against a plain Selenium script doing the same 20 clicks and fields on the demo shop, measured in one
 * run with the same Chromium. Run: {@code bench/run StepOverheadBench [ROUNDS]}.
 */
public final class StepOverheadBench {
    /** The check every step passes before acting, with Deft's own rules: part of what a step costs. */
    private static final dev.deft.core.ActGuard GUARD = dev.deft.core.ActGuard.unattended(new dev.deft.safety.RiskRules());

    private static final String[] PRODUCTS = {"teapot", "kettle", "mug", "lamp", "cushion", "blanket", "notebook", "pen",
            "stapler"};
    private static final String[] TITLES = {"Blue Teapot", "Steel Kettle", "Tall Mug", "Desk Lamp", "Linen Cushion",
            "Wool Blanket", "Dotted Notebook", "Fountain Pen", "Heavy Stapler"};

    /** The tally of the round being profiled, switched on where the round's timed part starts. */
    private static volatile StepProfile.Tally profiling;

    private static void timingStarts() {
        StepProfile.Tally tally = profiling;
        if (tally != null) {
            tally.on = true;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path data = Files.createTempDirectory("deft-bench");
        BrowserSettings settings = BrowserSettings.defaults(System.getenv(), data).withHeadless(true).withIncognito();
        StepProfile.Tally tally = Boolean.getBoolean("dev.deft.bench.profile") ? StepProfile.install() : null;
        java.util.Map<String, java.util.Map<String, double[]>> profiles = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> walls = new java.util.LinkedHashMap<>();
        try (DemoServer server = DemoServer.start(); H2RunJournal journal = H2RunJournal.open(data)) {
            WebDriver plain = plainChromium(settings);
            List<Double> plainMs = new ArrayList<>();
            List<Double> deftMs = new ArrayList<>();
            List<Double> deftNoShotMs = new ArrayList<>();
            try (BrowserActuator deft = new BrowserActuator(settings, Optional.of(data.resolve("shots")), UnaryOperator.identity());
                 BrowserActuator deftNoShots = new BrowserActuator(settings, Optional.empty(), UnaryOperator.identity())) {
                for (int round = 0; round <= rounds; round++) {
                    double p = profiled(tally, round > 0, "plain Selenium", profiles, walls,
                            () -> plainRound(plain, server));
                    int r = round;
                    double d = profiled(tally, round > 0, "Deft + shots", profiles, walls,
                            () -> deftRound(deft, server, journal, "shots-" + r));
                    double n = profiled(tally, round > 0, "Deft, no shots", profiles, walls,
                            () -> deftRound(deftNoShots, server, journal, "noshots-" + r));
                    if (round > 0) { // round 0 warms both up
                        plainMs.add(p);
                        deftMs.add(d);
                        deftNoShotMs.add(n);
                    }
                }
            } finally {
                plain.quit();
            }
            double p = median(plainMs) / 20;
            double d = median(deftMs) / 20;
            double n = median(deftNoShotMs) / 20;
            System.out.printf(Locale.ROOT, "rounds: %d of 20 steps each (median round)%n", rounds);
            System.out.printf(Locale.ROOT, "plain Selenium:                 %6.1f ms/step%n", p);
            System.out.printf(Locale.ROOT, "Deft loop + journal + shots:    %6.1f ms/step  ratio %.2f%n", d, d / p);
            System.out.printf(Locale.ROOT, "Deft loop + journal, no shots:  %6.1f ms/step  ratio %.2f%n", n, n / p);
            profiles.forEach((side, tallied) -> StepProfile.print(side, tallied, 20 * rounds, walls.get(side)));
        }
    }

    /**
     * Runs one round; with a profile on ({@link StepProfile}), adds the WebDriver calls of the round's timed part
     * to the side's tally.
     */
    private static double profiled(StepProfile.Tally tally, boolean measured, String side,
                                   java.util.Map<String, java.util.Map<String, double[]>> profiles,
                                   java.util.Map<String, Double> walls, java.util.function.DoubleSupplier round) {
        if (tally == null || !measured) {
            return round.getAsDouble();
        }
        tally.reset();
        profiling = tally;
        double ms = round.getAsDouble();
        profiling = null;
        tally.on = false;
        java.util.Map<String, double[]> sum = profiles.computeIfAbsent(side, k -> new java.util.TreeMap<>());
        tally.snapshot().forEach((name, t) -> {
            double[] into = sum.computeIfAbsent(name, k -> new double[2]);
            into[0] += t[0];
            into[1] += t[1];
        });
        walls.merge(side, ms, Double::sum);
        return ms;
    }

    /** The same 20 steps by hand: 9 add-to-cart clicks, 5 search and 5 newsletter fields typed, 1 subscribe click. */
    private static double plainRound(WebDriver driver, DemoServer server) {
        driver.get(server.url("shop/?reset=1"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-id=stapler]")));
        timingStarts();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            click(driver, By.cssSelector("button[data-id=" + PRODUCTS[i] + "]"));
            WebElement search = driver.findElement(By.cssSelector("input[name=q]"));
            search.clear();
            search.sendKeys("word " + i);
        }
        for (int i = 5; i < 9; i++) {
            click(driver, By.cssSelector("button[data-id=" + PRODUCTS[i] + "]"));
            WebElement email = driver.findElement(By.cssSelector("deft-newsletter")).getShadowRoot()
                    .findElement(By.cssSelector("input"));
            email.clear();
            email.sendKeys("person" + i + "@example.com");
        }
        WebElement email = driver.findElement(By.cssSelector("deft-newsletter")).getShadowRoot().findElement(By.cssSelector("input"));
        email.clear();
        email.sendKeys("last@example.com");
        driver.findElement(By.cssSelector("deft-newsletter")).getShadowRoot().findElement(By.cssSelector("button")).click();
        return (System.nanoTime() - started) / 1e6;
    }

    private static void click(WebDriver driver, By by) {
        driver.findElement(by).click();
    }

    /** The same 20 steps as a person would name them, through the real loop and journal. */
    private static double deftRound(BrowserActuator browser, DemoServer server, H2RunJournal journal, String run) {
        browser.perform(new Action.OpenUrl(server.url("shop/?reset=1")), GUARD);
        browser.perform(new Action.WaitFor(new Condition.TextShown("Heavy Stapler"), Duration.ofSeconds(10)), GUARD);
        List<Action> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(new Action.Click(Target.of(new Locator.NearText(TITLES[i]))));
            steps.add(new Action.Type(Target.byPlaceholder("Search products"), "word " + i));
        }
        for (int i = 5; i < 9; i++) {
            steps.add(new Action.Click(Target.of(new Locator.NearText(TITLES[i]))));
            steps.add(new Action.Type(Target.byLabel("Email for offers"), "person" + i + "@example.com"));
        }
        steps.add(new Action.Type(Target.byLabel("Email for offers"), "last@example.com"));
        steps.add(new Action.Click(Target.byText("Subscribe")));
        AgentLoop loop = new AgentLoop(new Script(steps), List.of(browser), new dev.deft.safety.RiskRules(),
                new YesGate(), List.of(), RunLimits.defaults().withMaxSteps(30), Clock.systemUTC());
        timingStarts();
        long started = System.nanoTime();
        RunResult result = loop.run(run + "-" + System.nanoTime(), "bench", journal, new RunControl());
        double millis = (System.nanoTime() - started) / 1e6;
        if (result.status() != RunStatus.DONE || result.steps() != 21) {
            throw new IllegalStateException("The Deft round did not finish its 20 steps: " + result);
        }
        return millis;
    }

    private static WebDriver plainChromium(BrowserSettings settings) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--incognito");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(settings.driver().toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    /** Plays the steps in order, then finishes. */
    private static final class Script implements Planner {
        private final List<Action> steps;

        Script(List<Action> steps) {
            this.steps = steps;
        }

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public Plan next(PlanContext context) {
            if (context.last().isPresent() && !context.last().get().outcome().succeeded()) {
                return Plan.giveUp("A step failed: " + context.last().get().outcome().detail());
            }
            int done = context.history().size();
            return done < steps.size() ? Plan.act("next", steps.get(done)) : Plan.act("done", Action.Finish.done("done"));
        }
    }

    /** Approves at once whatever is asked: a person's time is not what this measures. */
    private static final class YesGate implements ApprovalGate {
        @Override
        public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
            return CompletableFuture.completedFuture(ApprovalDecision.approve("bench", Instant.now()));
        }
    }
}
