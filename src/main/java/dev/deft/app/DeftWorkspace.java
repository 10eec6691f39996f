package dev.deft.app;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserSettings;
import dev.deft.cli.Workspace;
import dev.deft.core.Actuator;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalGate;
import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import dev.deft.core.Planner;
import dev.deft.core.RiskPolicy;
import dev.deft.core.RunControl;
import dev.deft.core.RunIds;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.Secrets;
import dev.deft.core.Vault;
import dev.deft.desktop.DesktopActuator;
import dev.deft.desktop.DesktopNames;
import dev.deft.desktop.DesktopSettings;
import dev.deft.memory.H2RunJournal;
import dev.deft.plan.CommandPlanner;
import dev.deft.plan.DeferredPlanner;
import dev.deft.plan.DesktopCommands;
import dev.deft.plan.ModelPlanner;
import dev.deft.plan.PlannerChain;
import dev.deft.plan.SiteDirectory;
import dev.deft.plan.StartPage;
import dev.deft.safety.RiskRules;
import dev.deft.safety.SecretMask;
import dev.deft.safety.SiteList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root's workspace: the journal and the vault opened once, and for each run a loop wired from the
 * request's choices with the real planners, risk rules, site lists and surfaces.
 */
public final class DeftWorkspace implements Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(DeftWorkspace.class);
    static final String NO_MODEL = "No language model is set up: start Ollama (`ollama serve`), or set "
            + "OPENAI_API_KEY or ANTHROPIC_API_KEY; docs/MODELS.md shows how.";

    /** Builds the surfaces of one run from its choices, its folder and the secrets its actuators may reveal. */
    @FunctionalInterface
    interface Surfaces {
        List<Actuator> forRun(RunSpec spec, Path runFolder, Secrets secrets, DeftConfig config);
    }

    // the window's Settings change these between runs; a run reads them once, at its start
    private volatile DeftConfig config;
    private volatile RiskPolicy policy;
    private volatile java.util.function.Supplier<DeftConfig> reload = () -> config;
    private final RunJournal journal;
    private final Path dataDir;
    private final Surfaces surfaces;
    private final Supplier<Vault> vault;
    private final Supplier<Secrets> secretsForRuns;
    private final DemoSites demo;
    private final Clock clock;
    private final Map<String, String> env;
    private final Supplier<DesktopNames> desktopNames;
    private final boolean windows;

    /**
     * @param vault          the vault, opened (or made) when first asked for
     * @param secretsForRuns what runs reveal and mask: the vault where there is one, else no secrets
     */
    DeftWorkspace(DeftConfig config, RunJournal journal, Path dataDir, Surfaces surfaces, Supplier<Vault> vault,
                  Supplier<Secrets> secretsForRuns, DemoSites demo, Clock clock, boolean windows) {
        this(config, journal, dataDir, surfaces, vault, secretsForRuns, demo, clock, windows, System.getenv());
    }

    /** @param env the environment desktop runs use: where applications are listed, what launched ones get */
    DeftWorkspace(DeftConfig config, RunJournal journal, Path dataDir, Surfaces surfaces, Supplier<Vault> vault,
                  Supplier<Secrets> secretsForRuns, DemoSites demo, Clock clock, boolean windows,
                  Map<String, String> env) {
        this.windows = windows;
        this.env = Map.copyOf(env);
        this.desktopNames = memoized(() -> DesktopNames.of(this.env));
        this.config = config;
        this.journal = journal;
        this.dataDir = dataDir;
        this.surfaces = surfaces;
        this.vault = vault;
        this.secretsForRuns = secretsForRuns;
        this.demo = demo;
        this.policy = new RiskRules(config.riskRules());
        this.clock = clock;
    }

    /** Opens the workspace that {@code env} points at: its configuration, data folder, journal and vault. */
    public static DeftWorkspace open(Map<String, String> env, Clock clock) {
        DeftPaths paths = DeftPaths.from(env);
        DeftConfig config = DeftConfig.load(paths.configFile(), env);
        Path dataDir = paths.usableDataDir();
        RunJournal journal = H2RunJournal.open(dataDir);
        Supplier<Vault> vault = memoized(() -> VaultAccess.open(paths.vault(), env));
        Supplier<Secrets> secrets = () -> Files.exists(paths.vault()) ? vault.get() : Secrets.NONE;
        // On Linux a window needs a display; elsewhere there is always one.
        boolean windows = !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        DeftWorkspace workspace = new DeftWorkspace(config, journal, dataDir,
                (spec, folder, kept, now) -> browser(now.browser().applyTo(spec), folder, kept,
                        now.browser().under(env), dataDir),
                vault, secrets, new DemoSites(DemoSites.PREFERRED_PORT), clock, windows, env);
        workspace.reload = () -> DeftConfig.load(paths.configFile(), env);
        return workspace;
    }

    /**
     * Reads config.json again, for the runs that start from now on.
     *
     * @throws DeftException.Configuration when the file is no longer valid; the settings in force stay
     */
    public void reloadConfiguration() {
        DeftConfig fresh = reload.get();
        this.policy = new RiskRules(fresh.riskRules());
        this.config = fresh;
    }

    /** The configuration in force. */
    public DeftConfig configuration() {
        return config;
    }

    /**
     * The browser, unless the run asked for the desktop only. It starts only when a step needs it; a machine with no
     * browser installed still runs requests that need none, and says what to install when one does.
     */
    private static List<Actuator> browser(RunSpec spec, Path runFolder, Secrets secrets, Map<String, String> env,
                                          Path dataDir) {
        if (spec.surface() == RunSpec.SurfaceChoice.DESKTOP) {
            return List.of();
        }
        try {
            BrowserSettings settings = BrowserSettings.forRun(spec, env, dataDir);
            return List.of(new BrowserActuator(settings, Optional.of(runFolder.resolve("screenshots")), secrets::reveal));
        } catch (DeftException.Configuration e) {
            if (spec.surface() == RunSpec.SurfaceChoice.BROWSER || spec.grid().isPresent() || spec.browser().isPresent()) {
                throw e;
            }
            LOG.warn("No browser for this run: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
        DesktopCommands desktop = new DesktopCommands(spec.surface(), words -> desktopNames.get().isApplication(words),
                words -> desktopNames.get().isWindow(words));
        DeftConfig settings = config;
        RiskPolicy rules = policy;
        String runId = RunIds.next(clock);
        Planner planner = planner(spec, desktop, fragment -> listener.modelText(runId, fragment));
        Secrets secrets = secretsForRuns.get();
        Path runFolder = dataDir.resolve("runs").resolve(runId);
        // a desktop request (--surface desktop, or one naming an installed application or an open window) gets the
        // desktop alone, so that a chord or a read never lands on the wrong surface
        List<Actuator> actuators = desktop.claims(spec.request())
                ? List.of(new DesktopActuator(DesktopSettings.defaults().withScreenshots(runFolder.resolve("screenshots")),
                        secrets, control::cancel, clock, env))
                : surfaces.forRun(spec, runFolder, secrets, settings);
        try {
            AgentLoop loop = new AgentLoop(planner, actuators, rules, gate,
                    List.of(new SiteList(settings.allowSites(), settings.denySites())), settings.limits(spec.maxSteps()),
                    clock, secrets);
            return loop.run(runId, spec.request(), RunListener.all(journal, listener), control);
        } finally {
            actuators.forEach(Actuator::close);
        }
    }

    /** @param thinking where a model planner's text goes as the model writes it */
    private Planner planner(RunSpec spec, DesktopCommands desktop, LanguageModel.Stream thinking) {
        Planner chosen = switch (spec.planner()) {
            case COMMAND -> new CommandPlanner(demo, desktop);
            case AUTO -> new PlannerChain(List.of(new CommandPlanner(demo, desktop),
                    new DeferredPlanner("llm", () -> modelPlanner(spec, thinking), NO_MODEL)));
            case SKILL -> throw new DeftException.Configuration(
                    "The skill planner is not part of this build yet; use --planner command or auto.");
            case LLM -> modelPlanner(spec, thinking).orElseThrow(() -> new DeftException.Configuration(NO_MODEL));
        };
        return spec.startUrl().<Planner>map(url -> new StartPage(url, chosen)).orElse(chosen);
    }

    /** The model planner on the model the request, the environment and config.json choose, if one answers. */
    private Optional<Planner> modelPlanner(RunSpec spec, LanguageModel.Stream thinking) {
        ModelSettings models = config.models();
        Optional<String> provider = spec.provider().or(models::provider);
        Optional<String> model = spec.model().or(models::model);
        return models.chooser(clock).choose(provider, model)
                .map(chosen -> new ModelPlanner(chosen, promptMask(), ModelPlanner.Settings.defaults(),
                        thinking));
    }

    /** The vault's secrets, to be masked out of every prompt (the loop masks them out of observations too). */
    private SecretMask promptMask() {
        if (!(secretsForRuns.get() instanceof Vault kept)) {
            return SecretMask.none();
        }
        try {
            Map<String, String> values = new TreeMap<>();
            for (String name : kept.names()) {
                String value = kept.reveal(SecretMask.placeholder(name));
                if (value.length() >= 4) {
                    values.put(name, value);
                }
            }
            return new SecretMask(values);
        } catch (DeftException locked) {
            return SecretMask.none();
        }
    }

    /** The demo sites, for {@code deft demo}. */
    SiteDirectory demoSites() {
        return demo;
    }

    @Override
    public List<String> demoRequests() {
        return DemoTour.REQUESTS;
    }

    @Override
    public String startDemo() {
        return demo.server().url("");
    }

    @Override
    public boolean canShowWindows() {
        return windows;
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
        demo.close();
        journal.close();
    }
}
