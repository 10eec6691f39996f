package dev.deft.app;

import dev.deft.cli.Workspace;
import dev.deft.core.Actuator;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalGate;
import dev.deft.core.DeftException;
import dev.deft.core.Planner;
import dev.deft.core.RiskPolicy;
import dev.deft.core.RunControl;
import dev.deft.core.RunIds;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.memory.H2RunJournal;
import dev.deft.desktop.DesktopActuator;
import dev.deft.desktop.DesktopNames;
import dev.deft.desktop.DesktopSettings;
import dev.deft.plan.CommandPlanner;
import dev.deft.plan.DesktopCommands;
import dev.deft.plan.PlannerChain;
import dev.deft.plan.StartPage;
import dev.deft.core.Secrets;
import dev.deft.core.Vault;
import dev.deft.safety.RiskRules;
import dev.deft.safety.SiteList;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The composition root's workspace: the journal opened once, and for each run a loop wired from the request's
 * choices with the real planners, policy and surfaces.
 */
public final class DeftWorkspace implements Workspace {
    private final DeftConfig config;
    private final RunJournal journal;
    private final Supplier<List<Actuator>> surfaces;
    private final Supplier<Vault> vault;
    private final Supplier<Secrets> secretsForRuns;
    private final RiskPolicy policy;
    private final Clock clock;
    private final Map<String, String> env;
    private final Supplier<DesktopNames> desktopNames;
    private final DesktopSettings desktopSettings;

    /**
     * @param vault          the vault, opened (or made) when first asked for
     * @param secretsForRuns what runs reveal and mask: the vault where there is one, else no secrets
     */
    DeftWorkspace(DeftConfig config, RunJournal journal, Supplier<List<Actuator>> surfaces, Supplier<Vault> vault,
                  Supplier<Secrets> secretsForRuns, Clock clock) {
        this(config, journal, surfaces, vault, secretsForRuns, clock, System.getenv(), DesktopSettings.defaults());
    }

    /**
     * @param env     the environment desktop runs use: where applications are listed, what launched ones get
     * @param desktop how desktop runs find things, and where they keep screenshots
     */
    DeftWorkspace(DeftConfig config, RunJournal journal, Supplier<List<Actuator>> surfaces, Supplier<Vault> vault,
                  Supplier<Secrets> secretsForRuns, Clock clock, Map<String, String> env, DesktopSettings desktop) {
        this.env = Map.copyOf(env);
        this.desktopSettings = desktop;
        this.desktopNames = memoized(() -> DesktopNames.of(this.env));
        this.config = config;
        this.journal = journal;
        this.surfaces = surfaces;
        this.vault = vault;
        this.secretsForRuns = secretsForRuns;
        this.policy = new RiskRules(config.riskRules());
        this.clock = clock;
    }

    /** Opens the workspace that {@code env} points at: its configuration, data folder and journal. */
    public static DeftWorkspace open(Map<String, String> env, Clock clock) {
        DeftPaths paths = DeftPaths.from(env);
        DeftConfig config = DeftConfig.load(paths.configFile(), env);
        RunJournal journal = H2RunJournal.open(paths.usableDataDir());
        Supplier<Vault> vault = memoized(() -> VaultAccess.open(paths.vault(), env));
        Supplier<Secrets> secrets = () -> Files.exists(paths.vault()) ? vault.get() : Secrets.NONE;
        return new DeftWorkspace(config, journal, List::of, vault, secrets, clock, env,
                DesktopSettings.defaults().withScreenshots(paths.usableDataDir().resolve("screenshots")));
    }

    @Override
    public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
        DesktopCommands desktop = desktopCommands(spec);
        boolean onDesktop = desktop.claims(spec.request());
        Planner planner = planner(spec, desktop);
        Secrets secrets = secretsForRuns.get();
        // a desktop request gets the desktop alone, so that a chord or a read never lands on the wrong surface
        List<Actuator> actuators = onDesktop ? List.of(new DesktopActuator(desktopSettings, secrets, control::cancel,
                clock, env)) : surfaces.get();
        try {
            AgentLoop loop = new AgentLoop(planner, actuators, policy, gate,
                    List.of(new SiteList(config.allowSites(), config.denySites())), config.limits(spec.maxSteps()),
                    clock, secrets);
            return loop.run(RunIds.next(clock), spec.request(), RunListener.all(journal, listener), control);
        } finally {
            actuators.forEach(Actuator::close);
        }
    }

    /** The desktop grammar for this run: {@code --surface auto} asks the installed applications and open windows. */
    private DesktopCommands desktopCommands(RunSpec spec) {
        return new DesktopCommands(spec.surface(), words -> desktopNames.get().isApplication(words),
                words -> desktopNames.get().isWindow(words));
    }

    private static Planner planner(RunSpec spec, DesktopCommands desktop) {
        Planner chosen = switch (spec.planner()) {
            case COMMAND -> new CommandPlanner(desktop);
            case AUTO -> new PlannerChain(List.of(new CommandPlanner(desktop)));
            case SKILL -> throw new DeftException.Configuration(
                    "The skill planner is not part of this build yet; use --planner command or auto.");
            case LLM -> throw new DeftException.Configuration(
                    "No language model is configured, and the model planner is not part of this build yet; "
                            + "use --planner command or auto.");
        };
        return spec.startUrl().<Planner>map(url -> new StartPage(url, chosen)).orElse(chosen);
    }

    @Override
    public RunJournal journal() {
        return journal;
    }

    @Override
    public Vault vault() {
        return vault.get();
    }

    private static <T> Supplier<T> memoized(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    @Override
    public void close() {
        journal.close();
    }
}
