package dev.deft.app;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserRecorder;
import dev.deft.browser.BrowserSettings;
import dev.deft.cli.Workspace;
import dev.deft.core.ActGuard;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalGate;
import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import dev.deft.core.Locator;
import dev.deft.core.Planner;
import dev.deft.core.RiskPolicy;
import dev.deft.core.RunControl;
import dev.deft.core.RunIds;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.Secrets;
import dev.deft.core.SkillBook;
import dev.deft.core.Vault;
import dev.deft.desktop.DesktopActuator;
import dev.deft.desktop.DesktopNames;
import dev.deft.desktop.DesktopRecorder;
import dev.deft.desktop.DesktopSettings;
import dev.deft.mcp.McpServers;
import dev.deft.mcp.McpToolActuator;
import dev.deft.memory.H2RunJournal;
import dev.deft.plan.CommandPlanner;
import dev.deft.plan.DeferredPlanner;
import dev.deft.plan.DesktopCommands;
import dev.deft.plan.ModelPlanner;
import dev.deft.plan.PlannerChain;
import dev.deft.plan.SiteDirectory;
import dev.deft.plan.SkillPlanner;
import dev.deft.plan.StartPage;
import dev.deft.safety.RiskRules;
import dev.deft.safety.SecretMask;
import dev.deft.safety.SiteList;
import dev.deft.skill.Skill;
import dev.deft.skill.SkillDrafts;
import dev.deft.skill.SkillLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
    private final SkillLibrary skills;
    private final McpServers mcpServers;

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
        this.mcpServers = new McpServers(config.mcpServers(), BuildVersion.get());
        this.policy = new RiskRules(config.riskRules(),
                config.mcpServers().stream().flatMap(server -> server.toolRisks().stream()).toList());
        this.skills = new SkillLibrary(DeftPaths.builtInSkills(this.env), dataDir.resolve("skills"));
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
        // the MCP servers started with the workspace stay as they are: their tools keep their risk classes
        this.policy = new RiskRules(fresh.riskRules(),
                mcpServers.settings().stream().flatMap(server -> server.toolRisks().stream()).toList());
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
        String runId = RunIds.next(clock);
        LanguageModel.Stream thinking = fragment -> listener.modelText(runId, fragment);
        Consumer<String> notices = notice -> listener.notice(runId, notice);
        Optional<SkillBook.Prepared> skill = spec.planner() == RunSpec.PlannerChoice.AUTO
                || spec.planner() == RunSpec.PlannerChoice.SKILL ? skills.match(spec.request()) : Optional.empty();
        if (skill.isPresent()) {
            return run(runId, spec, skillPlanner(spec, skill, thinking, notices), onDesktop(skill.get()), gate, listener,
                    control);
        }
        DesktopCommands desktop = desktopCommands(spec);
        return run(runId, spec, planner(spec, desktop, thinking, notices), desktop.claims(spec.request()), gate, listener,
                control);
    }

    @Override
    public RunResult runSkill(String name, Map<String, String> values, RunSpec spec, ApprovalGate gate,
                              RunListener listener, RunControl control) {
        SkillBook.Prepared skill = skills.prepare(name, values);
        String runId = RunIds.next(clock);
        LanguageModel.Stream thinking = fragment -> listener.modelText(runId, fragment);
        Consumer<String> notices = notice -> listener.notice(runId, notice);
        return run(runId, spec, skillPlanner(spec, Optional.of(skill), thinking, notices), onDesktop(skill), gate,
                listener, control);
    }

    @Override
    public SkillBook skills() {
        return skills;
    }

    @Override
    public Recording record(String name, String startUrl, List<String> examples) {
        SkillDrafts.checkName(name); // before a browser opens: a bad name would lose the whole recording
        BrowserRecorder recorder = BrowserRecorder.start(BrowserSettings.defaults(env, dataDir).withHeadless(false)
                .withIncognito(), startUrl);
        return new SkillRecording(skills,
                () -> SkillDrafts.fromRecording(name, "Recorded on " + startUrl, examples, recorder.stop()),
                recorder::browserClosed, recorder::close);
    }

    @Override
    public Recording recordDesktop(String name, Optional<String> launch, List<String> examples) {
        SkillDrafts.checkName(name);
        launch.ifPresent(app -> {
            try (DesktopActuator desktop = new DesktopActuator(DesktopSettings.defaults(), Secrets.NONE, why -> { },
                    clock, env)) {
                if (!desktop.perform(new Action.Launch(app), ActGuard.unattended(policy)).succeeded()) {
                    throw new DeftException.Configuration("Could not start " + app + " to record with.");
                }
            }
        });
        DesktopRecorder recorder = DesktopRecorder.start(launch);
        // the Enter that ended the recording in the terminal is not part of the task
        return new SkillRecording(skills, () -> SkillDrafts.fromRecording(name, launch.map(app -> "Recorded on " + app)
                .orElse("Recorded on the desktop"), examples, recorder.stop(skills.imagesOf(name), 1)),
                () -> false, recorder::close);
    }

    private Planner skillPlanner(RunSpec spec, Optional<SkillBook.Prepared> skill, LanguageModel.Stream thinking,
                                 Consumer<String> notices) {
        return new SkillPlanner(skills, skill, () -> modelPlanner(spec, thinking, notices));
    }

    /** Whether a skill's steps act on desktop windows rather than web pages. */
    private static boolean onDesktop(SkillBook.Prepared skill) {
        return skill.steps().stream().anyMatch(step -> step instanceof Action.Launch || step instanceof Action.FocusWindow
                || step.target().map(t -> t.locators().stream().anyMatch(l -> l instanceof Locator.Image
                        || l instanceof Locator.ScreenText || l instanceof Locator.Window || l instanceof Locator.Point
                        || l instanceof Locator.Region || l instanceof Locator.Focused)).orElse(false));
    }

    private DesktopCommands desktopCommands(RunSpec spec) {
        return new DesktopCommands(spec.surface(), words -> desktopNames.get().isApplication(words),
                words -> desktopNames.get().isWindow(words));
    }

    /**
     * Runs a planner to its end on the run's surfaces: the desktop alone where the run acts on windows (so that a
     * chord or a read never lands on the wrong surface), else the browser.
     */
    private RunResult run(String runId, RunSpec spec, Planner planner, boolean desktopOnly, ApprovalGate gate,
                          RunListener listener, RunControl control) {
        DeftConfig settings = config;
        RiskPolicy rules = policy;
        Secrets secrets = secretsForRuns.get();
        Path runFolder = dataDir.resolve("runs").resolve(runId);
        List<Actuator> actuators = new ArrayList<>(desktopOnly
                ? List.of(new DesktopActuator(DesktopSettings.defaults().withScreenshots(runFolder.resolve("screenshots")),
                        secrets, control::cancel, clock, env))
                : surfaces.forRun(spec, runFolder, secrets, settings));
        if (!mcpServers.settings().isEmpty()) {
            actuators.add(new McpToolActuator(mcpServers));
        }
        try {
            AgentLoop loop = new AgentLoop(planner, actuators, rules, gate,
                    List.of(new SiteList(settings.allowSites(), settings.denySites())), settings.limits(spec.maxSteps()),
                    clock, secrets);
            return loop.run(runId, spec.request(), RunListener.all(journal, listener), control);
        } finally {
            actuators.forEach(Actuator::close);
        }
    }

    /**
     * @param thinking where a model planner's text goes as the model writes it
     * @param notices  where a line goes for each MCP server that did not start
     */
    private Planner planner(RunSpec spec, DesktopCommands desktop, LanguageModel.Stream thinking,
                            Consumer<String> notices) {
        Planner chosen = switch (spec.planner()) {
            case COMMAND -> new CommandPlanner(demo, desktop);
            case AUTO -> new PlannerChain(List.of(new CommandPlanner(demo, desktop),
                    new DeferredPlanner("llm", () -> modelPlanner(spec, thinking, notices), NO_MODEL)));
            case SKILL -> skillPlanner(spec, Optional.empty(), thinking, notices);
            case LLM -> modelPlanner(spec, thinking, notices).orElseThrow(() -> new DeftException.Configuration(NO_MODEL));
        };
        return spec.startUrl().<Planner>map(url -> new StartPage(url, chosen)).orElse(chosen);
    }

    /**
     * The model planner on the model the request, the environment and config.json choose, if one answers, with the
     * tools of the configured MCP servers beside Deft's own actions.
     */
    private Optional<Planner> modelPlanner(RunSpec spec, LanguageModel.Stream thinking, Consumer<String> notices) {
        ModelSettings models = config.models();
        Optional<String> provider = spec.provider().or(models::provider);
        Optional<String> model = spec.model().or(models::model);
        return models.chooser(clock).choose(provider, model)
                .map(chosen -> new ModelPlanner(chosen, promptMask(), ModelPlanner.Settings.defaults(),
                        thinking, mcpServers.tools(notices)));
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
        mcpServers.close();
        demo.close();
        journal.close();
    }
}
