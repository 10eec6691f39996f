package dev.deft.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.app.DeftWorkspace;
import dev.deft.browser.BrowserSettings;
import dev.deft.core.Action;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.Locator;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.core.Target;
import dev.deft.demo.DemoServer;
import dev.deft.skill.Skill;
import dev.deft.skill.SkillFiles;
import dev.deft.skill.StepActions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A skill of 20 steps on the demo shop (9 add-to-cart clicks, 10 fields typed, a subscribe click, after opening the
 * shop), replayed through Deft's own wiring ({@code DeftWorkspace.runSkill}: the skill planner, the loop, the risk
 * rules and approvals, the H2 journal, a screenshot per step), against a plain Selenium script doing the same steps
 * with CSS selectors it knows in advance. Both start their own headless Chromium and close it, so each round is what
 * a person waits for. Measured in one run, alternating; the first round of each warms up.
 *
 * <p>{@code bench/run SkillReplayBench 5}
 */
public final class SkillReplayBench {
    private static final String[] PRODUCTS = {"teapot", "kettle", "mug", "lamp", "cushion", "blanket", "notebook", "pen",
            "stapler"};
    private static final String[] TITLES = {"Blue Teapot", "Steel Kettle", "Tall Mug", "Desk Lamp", "Linen Cushion",
            "Wool Blanket", "Dotted Notebook", "Fountain Pen", "Heavy Stapler"};

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path home = Files.createTempDirectory("deft-replay-bench");
        try (DemoServer server = DemoServer.start()) {
            Files.createDirectories(home.resolve("data/skills"));
            SkillFiles.write(skill(server), home.resolve("data/skills/shop-twenty.json"));
            Map<String, String> env = new java.util.HashMap<>(System.getenv());
            env.put("DEFT_DATA_DIR", home.resolve("data").toString());
            env.put("DEFT_CONFIG", home.resolve("config.json").toString());
            env.put("DEFT_BUILTIN_SKILLS", home.resolve("none").toString());
            env.put("DEFT_KEYRING", "off");
            env.put("OLLAMA_HOST", "127.0.0.1:1");
            BrowserSettings settings = BrowserSettings.defaults(env, home);
            List<Double> plain = new ArrayList<>();
            List<Double> deft = new ArrayList<>();
            try (DeftWorkspace workspace = DeftWorkspace.open(env, Clock.systemUTC())) {
                for (int round = 0; round <= rounds; round++) {
                    double p = plainRound(settings, server);
                    double d = deftRound(workspace);
                    System.out.printf(Locale.ROOT, "round %d%s: plain %.0f ms, Deft %.0f ms%n", round,
                            round == 0 ? " (warm-up)" : "", p, d);
                    if (round > 0) {
                        plain.add(p);
                        deft.add(d);
                    }
                }
            }
            double p = median(plain);
            double d = median(deft);
            System.out.printf(Locale.ROOT, "median of %d rounds: plain Selenium %.0f ms, Deft skill replay %.0f ms, ratio %.2f%n",
                    rounds, p, d, d / p);
        }
    }

    /** Open the shop, then the 20 steps, each target with the locators a recording gives it. */
    private static Skill skill(DemoServer server) {
        List<Action> steps = new ArrayList<>();
        steps.add(new Action.OpenUrl(server.url("shop/?reset=1")));
        for (int i = 0; i < 5; i++) {
            steps.add(new Action.Click(addToCart(i)));
            steps.add(new Action.Type(Target.of(new Locator.Placeholder("Search products"),
                    new Locator.Css("input[name=q]")), "word " + i));
        }
        for (int i = 5; i < 9; i++) {
            steps.add(new Action.Click(addToCart(i)));
            steps.add(new Action.Type(Target.of(new Locator.Label("Email for offers")), "person" + i + "@example.com"));
        }
        steps.add(new Action.Type(Target.of(new Locator.Label("Email for offers")), "last@example.com"));
        steps.add(new Action.Click(Target.of(new Locator.Text("Subscribe"))));
        List<ObjectNode> written = steps.stream().map(StepActions::toStep).toList();
        return new Skill("shop-twenty", "Twenty steps on the demo shop.", 1, List.of("twenty shop steps"), List.of(),
                written);
    }

    private static Target addToCart(int product) {
        return Target.of(new Locator.Text("Add to cart"), new Locator.NearText(TITLES[product]),
                new Locator.Css("button[data-id=" + PRODUCTS[product] + "]"));
    }

    private static double deftRound(DeftWorkspace workspace) {
        RunSpec spec = RunSpec.builder("skill shop-twenty").planner(RunSpec.PlannerChoice.SKILL).maxSteps(40)
                .surface(RunSpec.SurfaceChoice.BROWSER).headless(true).incognito(true).build();
        ApprovalGate yes = request -> CompletableFuture.completedFuture(ApprovalDecision.approve("bench", Instant.now()));
        long started = System.nanoTime();
        RunResult result = workspace.runSkill("shop-twenty", Map.of(), spec, yes, RunListener.NONE, new RunControl());
        double millis = (System.nanoTime() - started) / 1e6;
        if (result.status() != RunStatus.DONE) {
            throw new IllegalStateException("The replay did not finish: " + result.summary());
        }
        return millis;
    }

    /** The same steps by hand, in a browser of its own started and closed inside the timing, as Deft's is. */
    private static double plainRound(BrowserSettings settings, DemoServer server) {
        long started = System.nanoTime();
        WebDriver driver = plainChromium(settings);
        try {
            driver.get(server.url("shop/?reset=1"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            for (int i = 0; i < 5; i++) {
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-id=" + PRODUCTS[i] + "]")))
                        .click();
                WebElement search = driver.findElement(By.cssSelector("input[name=q]"));
                search.clear();
                search.sendKeys("word " + i);
            }
            for (int i = 5; i < 9; i++) {
                driver.findElement(By.cssSelector("button[data-id=" + PRODUCTS[i] + "]")).click();
                WebElement email = newsletter(driver).findElement(By.cssSelector("input"));
                email.clear();
                email.sendKeys("person" + i + "@example.com");
            }
            WebElement email = newsletter(driver).findElement(By.cssSelector("input"));
            email.clear();
            email.sendKeys("last@example.com");
            newsletter(driver).findElement(By.cssSelector("button")).click();
        } finally {
            driver.quit();
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static org.openqa.selenium.SearchContext newsletter(WebDriver driver) {
        return driver.findElement(By.cssSelector("deft-newsletter")).getShadowRoot();
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
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
