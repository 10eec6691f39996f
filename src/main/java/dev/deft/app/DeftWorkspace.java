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
import dev.deft.core.Secrets;
import dev.deft.core.Vault;
import dev.deft.safety.RiskRules;
import dev.deft.safety.SiteList;
import java.nio.file.Files;
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
    private final Supplier<Vault> vault;
    private final Supplier<Secrets> secretsForRuns;
    private final RiskPolicy policy;
    private final Clock clock;

    /**
     * @param vault          the vault, opened (or made) when first asked for
     * @param secretsForRuns what runs reveal and mask: the vault where there is one, else no secrets
     */
    DeftWorkspace(DeftConfig config, RunJournal journal, Supplier<List<Actuator>> surfaces, Supplier<Vault> vault,
                  Supplier<Secrets> secretsForRuns, Clock clock) {
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
        return new DeftWorkspace(config, journal, List::of, vault, secrets, clock);
    }

    @Override
    public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
        Planner planner = planner(spec);
        List<Actuator> actuators = surfaces.get();
        try {
            AgentLoop loop = new AgentLoop(planner, actuators, policy, gate,
                    List.of(new SiteList(config.allowSites(), config.denySites())), config.limits(spec.maxSteps()),
                    clock, secretsForRuns.get());
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
                .map(chosen -> new ModelPlanner(chosen, promptMask(),
                        ModelPlanner.Settings.defaults(), LanguageModel.Stream.NONE));
    }

    /** The vault's secrets, to be masked out of every prompt (the loop masks them out of observations too). */
    private SecretMask promptMask() {
        if (!(secretsForRuns.get() instanceof Vault kept)) {
            return SecretMask.none();
        }
        try {
            Map<String, String> values = new java.util.TreeMap<>();
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
