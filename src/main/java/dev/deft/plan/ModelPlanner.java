package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.ChatMessage;
import dev.deft.core.Condition;
import dev.deft.core.DeftException;
import dev.deft.core.ExternalTool;
import dev.deft.core.LanguageModel;
import dev.deft.core.Observation;
import dev.deft.core.ObservedElement;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.PlannedAction;
import dev.deft.core.Planner;
import dev.deft.core.Require;
import dev.deft.core.StepResult;
import dev.deft.core.TokenUsage;
import dev.deft.safety.SecretMask;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner for open-ended requests: each step it sends a language model the request, the run so far and the
 * screen, with the actions as tools, and turns the tool calls it answers with into actions. A reply that cannot be
 * used (no tool call, malformed JSON, an unknown tool, bad arguments, an element that is not there) is explained
 * to the model, a bounded number of times; then the planner gives up with the last reason. Nothing invalid
 * becomes an action, and the claimed risk can only raise the policy's class.
 */
public final class ModelPlanner implements Planner {
    private static final Logger LOG = LoggerFactory.getLogger(ModelPlanner.class);
    private static final int MAX_REPLY_TOKENS = 1024;
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(5);
    /** Below this many characters an observation says too little, and a screenshot is sent where the model reads images. */
    private static final int POOR_OBSERVATION = 200;

    /**
     * @param tries            replies asked for per step, the first and the corrections together
     * @param observationChars the most characters of the screen sent per step
     */
    public record Settings(int tries, int observationChars, int recentStepsInFull, int historyChars) {
        public Settings {
            Require.positive(tries, "tries");
            Require.positive(observationChars, "observationChars");
            Require.positive(recentStepsInFull, "recentStepsInFull");
            Require.positive(historyChars, "historyChars");
        }

        public static Settings defaults() {
            return new Settings(3, 6000, 6, 4000);
        }
    }

    private final LanguageModel model;
    private final List<LanguageModel.Tool> tools;
    private final ToolCallReader reader;
    private final ModelPrompt prompt;
    private final Settings settings;
    private final LanguageModel.Stream thinking;
    /** The page the model was last asked about, or the page last waited on to settle. */
    private String settledAt = "";

    public ModelPlanner(LanguageModel model, SecretMask secrets, Settings settings, LanguageModel.Stream thinking) {
        this(model, secrets, settings, thinking, List.of());
    }

    /** @param external the tools of MCP servers, offered beside Deft's own actions */
    public ModelPlanner(LanguageModel model, SecretMask secrets, Settings settings, LanguageModel.Stream thinking,
                        List<ExternalTool> external) {
        this.model = Require.nonNull(model, "model");
        this.settings = Require.nonNull(settings, "settings");
        this.thinking = thinking == null ? LanguageModel.Stream.NONE : thinking;
        // no skill catalogue reaches the planner yet, so a model could only guess skill names; an external tool is
        // offered under its own name rather than through call_tool
        ActionTools actions = ActionTools.load(Set.of("run_skill", "call_tool"));
        ExternalToolNames others = new ExternalToolNames(Require.nonNull(external, "external"));
        this.tools = java.util.stream.Stream.concat(actions.tools().stream(), others.tools().stream()).toList();
        this.reader = new ToolCallReader(actions, others, Require.nonNull(secrets, "secrets"));
        this.prompt = new ModelPrompt(new HistoryDigest(settings.recentStepsInFull(), settings.historyChars()),
                settings.observationChars(), secrets);
    }

    @Override
    public String name() {
        return "llm";
    }

    /** The model this planner asks, for events and logs. */
    public LanguageModel model() {
        return model;
    }

    @Override
    public Plan next(PlanContext context) {
        if (landedOnANewPage(context)) {
            // a model asked about a page still loading answers about half of it: let it settle first, for free
            settledAt = context.observation().location();
            return Plan.act("Let the new page finish loading before asking the model.",
                    new Action.WaitFor(new Condition.Settled(QUIET), SETTLE_AT_MOST));
        }
        settledAt = context.observation().location();
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(new ChatMessage.User(prompt.step(context), screenshotFor(context.observation())));
        int calls = 0;
        TokenUsage tokens = TokenUsage.NONE;
        String problem = "";
        for (int attempt = 1; attempt <= settings.tries(); attempt++) {
            LanguageModel.Reply reply;
            calls++;
            try {
                reply = model.chat(new LanguageModel.Request(prompt.system(), tools, conversation,
                        MAX_REPLY_TOKENS), thinking);
            } catch (DeftException e) {
                LOG.warn("The model {} failed in run {}", model.model(), context.run(), e);
                return new Plan.GiveUp(e.getMessage(), calls, tokens);
            }
            tokens = tokens.plus(reply.usage());
            if (reply.toolCalls().isEmpty()) {
                problem = reply.text().isBlank() ? "The reply was empty." : "The reply called no tool.";
                conversation.add(new ChatMessage.Assistant(reply.text().isBlank() ? "(no reply)" : reply.text(), List.of()));
                conversation.add(new ChatMessage.User(problem + " Answer only by calling tools: the next action or "
                        + "actions, ask_user to ask the person, or finish to end the run."));
                LOG.info("Run {}: {} (try {} of {})", context.run(), problem, attempt, settings.tries());
                continue;
            }
            List<String> refusals = new ArrayList<>();
            List<PlannedAction> actions = new ArrayList<>();
            for (LanguageModel.ToolCall call : reply.toolCalls()) {
                try {
                    actions.add(reader.read(call, context.observation()));
                    refusals.add("");
                } catch (ToolCallReader.Refused refused) {
                    refusals.add(refused.getMessage());
                }
            }
            finishNotLast(actions, refusals);
            if (refusals.stream().allMatch(String::isEmpty)) {
                return new Plan.Act(actions, thought(reply.text(), actions), calls, tokens);
            }
            problem = refusals.stream().filter(r -> !r.isEmpty()).collect(Collectors.joining(" "));
            LOG.info("Run {}: refused the model's calls: {} (try {} of {})", context.run(), problem, attempt,
                    settings.tries());
            conversation.add(new ChatMessage.Assistant(reply.text(), reply.toolCalls()));
            for (int i = 0; i < reply.toolCalls().size(); i++) {
                LanguageModel.ToolCall call = reply.toolCalls().get(i);
                String refusal = refusals.get(i);
                conversation.add(new ChatMessage.ToolResult(call.id(), call.name().isBlank() ? "unknown" : call.name(),
                        refusal.isEmpty() ? "Not done: another call in this reply was refused. Send all the calls "
                                + "again, corrected." : "Refused: " + refusal, true));
            }
        }
        return new Plan.GiveUp("The model " + model.model() + " gave no usable answer in " + settings.tries()
                + " tries; the last problem: " + problem, calls, tokens);
    }

    /** Whether the last step, done in the browser, took it to another page than the one the model last saw. */
    private boolean landedOnANewPage(PlanContext context) {
        Optional<StepResult> last = context.last();
        return context.observation().surface().equals("browser") && last.isPresent()
                && last.get().outcome().succeeded() && !(last.get().action() instanceof Action.WaitFor)
                && !context.observation().location().equals(settledAt);
    }

    /** {@code finish} ends the run, so a call after it would never happen: refuse the reply instead. */
    private static void finishNotLast(List<PlannedAction> actions, List<String> refusals) {
        if (actions.size() != refusals.size()) {
            return; // some call was refused already; the reply goes back anyway
        }
        for (int i = 0; i < actions.size() - 1; i++) {
            if (actions.get(i).action() instanceof Action.Finish) {
                refusals.set(i, "finish must be the last call of a reply; end the run only after the other actions.");
            }
        }
    }

    /**
     * The screenshot, with the elements in view outlined and numbered, when the model reads images and the text of
     * the observation says too little: nothing or almost nothing listed, a canvas, or a control with no name (an
     * image-only button).
     */
    private List<Path> screenshotFor(Observation observation) {
        if (!model.acceptsImages() || observation.screenshot().isEmpty() || !saysTooLittle(observation)) {
            return List.of();
        }
        Path screenshot = observation.screenshot().get();
        if (observation.marks().isEmpty()) {
            return List.of(screenshot);
        }
        try {
            return List.of(SetOfMarks.draw(screenshot, observation.marks()));
        } catch (UncheckedIOException e) {
            LOG.warn("Sending the screenshot without marks: {}", e.getMessage());
            return List.of(screenshot);
        }
    }

    private boolean saysTooLittle(Observation observation) {
        List<ObservedElement> elements = observation.elements();
        return elements.isEmpty()
                || observation.render(settings.observationChars()).strip().length() < POOR_OBSERVATION
                || elements.stream().anyMatch(e -> e.inView() && (e.role().equals("canvas") || e.interactive()
                        && e.name().isBlank() && e.text().isBlank() && e.label().isBlank() && e.placeholder().isBlank()));
    }

    private static String thought(String text, List<PlannedAction> actions) {
        if (!text.isBlank()) {
            return text.strip();
        }
        return actions.stream().map(a -> a.action().describe()).collect(Collectors.joining("; "));
    }
}
