package dev.deft.app;

import dev.deft.browser.BrowserActuator;
import dev.deft.browser.BrowserSettings;
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
import dev.deft.plan.CommandPlanner;
import dev.deft.plan.PlannerChain;
import dev.deft.plan.StartPage;
import dev.deft.safety.RiskRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root's workspace: the journal opened once, and for each run a loop wired from the request's
 * choices with the real planners, policy and surfaces.
 */
public final class DeftWorkspace implements Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(DeftWorkspace.class);
    private final DeftConfig config;
    private final RunJournal journal;
    /** The surfaces of one run, given its choices and its folder {@code <dataDir>/runs/<runId>/}. */
    private final BiFunction<RunSpec, Path, List<Actuator>> surfaces;
    private final Path dataDir;
    private final RiskPolicy policy = new RiskRules();
    private final Clock clock;

    DeftWorkspace(DeftConfig config, RunJournal journal, BiFunction<RunSpec, Path, List<Actuator>> surfaces,
                  Path dataDir, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.surfaces = surfaces;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** Opens the workspace that {@code env} points at: its configuration, data folder and journal. */
    public static DeftWorkspace open(Map<String, String> env, Clock clock) {
        DeftPaths paths = DeftPaths.from(env);
        DeftConfig config = DeftConfig.load(paths.configFile(), env);
        Path dataDir = paths.usableDataDir();
        RunJournal journal = H2RunJournal.open(dataDir);
        return new DeftWorkspace(config, journal, (spec, runFolder) -> surfaces(spec, runFolder, env, dataDir),
                dataDir, clock);
    }

    /**
     * The browser, unless the run asked for the desktop only. It starts only when a step needs it; a machine with no
     * browser installed still runs requests that need none, and says what to install when one does.
     */
    private static List<Actuator> surfaces(RunSpec spec, Path runFolder, Map<String, String> env, Path dataDir) {
        if (spec.surface() == RunSpec.SurfaceChoice.DESKTOP) {
            return List.of();
        }
        try {
            BrowserSettings settings = BrowserSettings.forRun(spec, env, dataDir);
            // The vault (issue 7) will pass its placeholder filler here instead of identity.
            return List.of(new BrowserActuator(settings, Optional.of(runFolder.resolve("screenshots")),
                    UnaryOperator.identity()));
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
        Planner planner = planner(spec);
        String runId = RunIds.next(clock);
        List<Actuator> actuators = surfaces.apply(spec, dataDir.resolve("runs").resolve(runId));
        try {
            AgentLoop loop = new AgentLoop(planner, actuators, policy, gate, List.of(),
                    config.limits(spec.maxSteps()), clock);
            return loop.run(runId, spec.request(), RunListener.all(journal, listener), control);
        } finally {
            actuators.forEach(Actuator::close);
        }
    }

    private static Planner planner(RunSpec spec) {
        Planner chosen = switch (spec.planner()) {
            case COMMAND -> new CommandPlanner();
            case AUTO -> new PlannerChain(List.of(new CommandPlanner()));
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
    public void close() {
        journal.close();
    }
}
