package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.EventLog;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunLimits;
import dev.deft.core.Target;
import dev.deft.memory.H2RunJournal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login through a careless surface that echoes what it typed, shows it on the page and quotes it in an error:
 * the real password reaches the surface and nothing else — no event, planner, journal or log line.
 */
class SecretsNeverLeakTest {
    private static final String PASSWORD = "tr0ub4dor&3-horse";

    @TempDir
    Path data;

    /** Reveals secrets as a real actuator must, then is as careless with them as it can be. */
    private static final class CarelessPage implements Actuator {
        private final FileVault vault;
        final List<String> typed = new ArrayList<>();

        CarelessPage(FileVault vault) {
            this.vault = vault;
        }

        @Override public String surface() { return "browser"; }
        @Override public boolean handles(Action action) { return action instanceof Action.Type || action instanceof Action.Click; }

        @Override
        public Observation observe() {
            String shown = String.join(", ", typed);
            return new Observation() {
                @Override public String surface() { return "browser"; }
                @Override public String render(int maxChars) { return "Password field shows: " + shown; }
                @Override public String title() { return "Welcome " + shown; }
            };
        }

        @Override
        public Outcome perform(Action action, dev.deft.core.ActGuard guard) {
            java.util.Optional<Outcome> instead = guard.admit(dev.deft.core.Resolution.of(action, observe()));
            if (instead.isPresent()) {
                return instead.get();
            }
            if (action instanceof Action.Type type) {
                String real = vault.reveal(type.text());
                typed.add(real);
                return Outcome.read(real, "The field now holds " + real);
            }
            throw new IllegalStateException("sendKeysToElement {text=" + typed.get(0) + "} failed: element not interactable");
        }
    }

    @Test
    void theSecretReachesTheSurfaceAndNothingElse() throws Exception {
        FileVault vault = FileVault.open(data.resolve("vault.properties"), new VaultKey.Passphrase("pp".toCharArray()));
        vault.put("shop-password", PASSWORD);
        CarelessPage page = new CarelessPage(vault);
        List<String> seenByPlanner = new ArrayList<>();
        Planner planner = new Planner() {
            private int call;
            @Override public String name() { return "test"; }
            @Override public Plan next(PlanContext context) {
                seenByPlanner.add(context.observation().render(4000) + " | " + context.observation().title());
                context.history().forEach(step -> seenByPlanner.add(step.outcome().detail()));
                return switch (call++) {
                    case 0 -> Plan.act("log in", new Action.Type(Target.byLabel("Password"), "{{secret:shop-password}}"),
                            new Action.Click(Target.byText("Sign in")));
                    default -> Plan.act("done", Action.Finish.done("Logged in."));
                };
            }
        };
        EventLog events = new EventLog();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (H2RunJournal journal = H2RunJournal.open(data)) {
            AgentLoop loop = new AgentLoop(planner, List.of(page), new RiskRules(),
                    request -> CompletableFuture.completedFuture(ApprovalDecision.approve("t", Clock.systemUTC().instant())),
                    List.of(), RunLimits.defaults(), Clock.systemUTC(), vault);
            loop.run("r-login", "log in to the shop", dev.deft.core.RunListener.all(journal, events), new RunControl());
        } finally {
            System.setErr(stderr);
        }

        assertThat(page.typed).containsExactly(PASSWORD);
        String everyEvent = events.events.stream().map(RunEvent::fields).map(Object::toString).reduce("", String::concat);
        assertThat(everyEvent).doesNotContain(PASSWORD).contains("{{secret:shop-password}}");
        assertThat(String.join("\n", seenByPlanner)).doesNotContain(PASSWORD).contains("{{secret:shop-password}}");
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD).contains("element not interactable");
        try (var files = Files.list(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("journal")).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(PASSWORD).contains("shop-password");
            }
        }
    }
}
