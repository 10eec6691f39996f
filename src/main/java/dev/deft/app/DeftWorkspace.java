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
import dev.deft.core.LanguageModel;
import dev.deft.plan.CommandPlanner;
import dev.deft.plan.DeferredPlanner;
import dev.deft.plan.ModelPlanner;
import dev.deft.safety.SecretMask;
import dev.deft.plan.PlannerChain;
import dev.deft.plan.StartPage;
import dev.deft.safety.RiskRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The composition root's workspace: the journal opened once, and for each run a loop wired from the request's
 * choices with the real planners, policy and surfaces.
 */
public final class DeftWorkspace implements Workspace {
    static final String NO_MODEL = "No language model is set up: start Ollama (`ollama serve`), or set "
            + "OPENAI_API_KEY or ANTHROPIC_API_KEY; docs/MODELS.md shows how.";
    private final DeftConfig config;
    private final RunJournal journal;
    private final Supplier<List<Actuator>> surfaces;
    private final RiskPolicy policy = new RiskRules();
    private final Clock clock;

    DeftWorkspace(DeftConfig config, RunJournal journal, Supplier<List<Actuator>> surfaces, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.surfaces = surfaces;
        this.clock = clock;
    }

    /** Opens the workspace that {@code env} points at: its configuration, data folder and journal. */
    public static DeftWorkspace open(Map<String, String> env, Clock clock) {
        DeftPaths paths = DeftPaths.from(env);
        DeftConfig config = DeftConfig.load(paths.configFile(), env);
        RunJournal journal = H2RunJournal.open(paths.usableDataDir());
        return new DeftWorkspace(config, journal, List::of, clock);
    }

    @Override
    public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
        Planner planner = planner(spec);
        List<Actuator> actuators = surfaces.get();
        try {
            AgentLoop loop = new AgentLoop(planner, actuators, policy, gate, List.of(),
                    config.limits(spec.maxSteps()), clock);
            return loop.run(RunIds.next(clock), spec.request(), RunListener.all(journal, listener), control);
        } finally {
            actuators.forEach(Actuator::close);
        }
    }

    private Planner planner(RunSpec spec) {
        Planner chosen = switch (spec.planner()) {
            case COMMAND -> new CommandPlanner();
            case AUTO -> new PlannerChain(List.of(new CommandPlanner(),
                    new DeferredPlanner("llm", () -> modelPlanner(spec), NO_MODEL)));
            case SKILL -> throw new DeftException.Configuration(
                    "The skill planner is not part of this build yet; use --planner command or auto.");
            case LLM -> modelPlanner(spec).orElseThrow(() -> new DeftException.Configuration(NO_MODEL));
        };
        return spec.startUrl().<Planner>map(url -> new StartPage(url, chosen)).orElse(chosen);
    }

    /** The model planner on the model the request, the environment and config.json choose, if one answers. */
    private Optional<Planner> modelPlanner(RunSpec spec) {
        ModelSettings models = config.models();
        Optional<String> provider = spec.provider().or(models::provider);
        Optional<String> model = spec.model().or(models::model);
        return models.chooser(clock).choose(provider, model)
                .map(chosen -> new ModelPlanner(chosen, new SecretMask(config.secrets()),
                        ModelPlanner.Settings.defaults(), LanguageModel.Stream.NONE));
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
