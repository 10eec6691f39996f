package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.Observation;
import dev.deft.core.Outcome;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.Secrets;
import dev.deft.core.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The planner that needs no model. It reads the request into intents ({@link CommandGrammar}), then does them one
 * at a time, each matched to what the page shows at that moment; it checks what each step did, tries a step once
 * more (after waiting for a thing that may still be loading), and ends honestly with what it could not do.
 * Desktop work (as {@link DesktopCommands} tells it) goes to the desktop grammar instead. One planner serves one run.
 */
public final class CommandPlanner implements Planner {
    private static final Duration WAIT_FOR_LATE_THINGS = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(900);

    private final CommandGrammar grammar;
    private final IntentGrounding grounding;
    private List<Intent> intents;
    private int current;
    private int accountedFor;
    private int tries;
    private boolean waited;
    private boolean opened;
    private Phase phase = Phase.GROUNDING;
    private final Optional<DesktopCommands> desktop;
    private Boolean onDesktop;
    private int settledFor = -1;

    /** What the last plan was for. */
    private enum Phase { GROUNDING, PART_OF_INTENT, WHOLE_INTENT, WAITING, SETTLING }

    public CommandPlanner() {
        this(SiteDirectory.NONE);
    }

    public CommandPlanner(SiteDirectory sites) {
        this(sites, Optional.empty());
    }

    /** A planner that hands desktop requests to {@code desktop}'s grammar. */
    public CommandPlanner(SiteDirectory sites, DesktopCommands desktop) {
        this(sites, Optional.of(desktop));
    }

    private CommandPlanner(SiteDirectory sites, Optional<DesktopCommands> desktop) {
        this.grammar = new CommandGrammar(sites.names());
        this.grounding = new IntentGrounding(sites);
        this.desktop = desktop;
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public Plan next(PlanContext context) {
        if (onDesktop == null) {
            onDesktop = desktop.map(d -> d.claims(context.request())).orElse(false);
        }
        if (onDesktop) {
            return desktop.get().next(context);
        }
        if (intents == null) {
            CommandGrammar.Reading reading = grammar.read(context.request());
            if (reading instanceof CommandGrammar.Reading.NotUnderstood not) {
                return Plan.giveUp(notUnderstood(context.request(), not.clause()));
            }
            intents = ((CommandGrammar.Reading.Understood) reading).intents();
        }
        List<StepResult> fresh = context.history().subList(Math.min(accountedFor, context.history().size()),
                context.history().size());
        accountedFor = context.history().size();
        if (!fresh.isEmpty() && phase == Phase.SETTLING) {
            // a page that never stops changing (an animation, a clock) is no reason to fail: go on as it is
            phase = Phase.GROUNDING;
        } else if (!fresh.isEmpty()) {
            Optional<String> problem = review(fresh, context.observation());
            if (problem.isPresent()) {
                if (++tries >= 2) {
                    return Plan.giveUp("Could not " + IntentWords.of(intents.get(current)) + ": " + problem.get());
                }
            }
        }
        if (settledFor < current && needsSettledPage(current)) {
            // What comes next reads the page, or the run ends on what the person will look at: let it finish loading.
            settledFor = current;
            phase = Phase.SETTLING;
            return Plan.act("Let the page finish loading first.", new Action.WaitFor(new Condition.Settled(QUIET),
                    WAIT_FOR_LATE_THINGS));
        }
        if (current >= intents.size()) {
            return Plan.act("Everything asked for is done.", Action.Finish.done(summary(context)));
        }
        Intent intent = intents.get(current);
        Grounded grounded = grounding.ground(intent, context.observation(), opened);
        if (grounded instanceof Grounded.NotThere not) {
            if (not.later() && !waited && !context.observation().elements().isEmpty()) {
                // The page may still be loading: wait once for the thing named, or else for the page to settle.
                waited = true;
                phase = Phase.WAITING;
                Condition later = not.waitable().<Condition>map(Condition.TextShown::new)
                        .orElse(new Condition.Settled(Duration.ofMillis(800)));
                return Plan.act(not.message() + " Wait until " + later + ", then look again.",
                        new Action.WaitFor(later, WAIT_FOR_LATE_THINGS));
            }
            return Plan.giveUp(not.message());
        }
        Grounded.Steps steps = (Grounded.Steps) grounded;
        phase = steps.finishes() ? Phase.WHOLE_INTENT : Phase.PART_OF_INTENT;
        return Plan.act(steps.thought(), steps.actions().toArray(Action[]::new));
    }

    /** Before a read, and before saying done after something that may load a page. */
    private boolean needsSettledPage(int next) {
        if (next < intents.size()) {
            return intents.get(next) instanceof Intent.Read;
        }
        if (intents.isEmpty()) {
            return false;
        }
        Intent last = intents.get(intents.size() - 1);
        return last instanceof Intent.Search || last instanceof Intent.LogIn || last instanceof Intent.Click
                || last instanceof Intent.Press || last instanceof Intent.CheckOut || last instanceof Intent.AddToCart
                || last instanceof Intent.Open;
    }

    /** What the steps just taken did; a problem to try again for, or nothing (and the run moves on). */
    private Optional<String> review(List<StepResult> fresh, Observation now) {
        StepResult last = fresh.get(fresh.size() - 1);
        if (!last.outcome().succeeded()) {
            return Optional.of(last.outcome().detail());
        }
        switch (phase) {
            case WAITING, GROUNDING -> { }
            case PART_OF_INTENT -> opened = true;
            case WHOLE_INTENT -> {
                Optional<String> wrong = fresh.stream().map(step -> check(step, now)).flatMap(Optional::stream).findFirst();
                if (wrong.isPresent()) {
                    return wrong;
                }
                current++;
                tries = 0;
                waited = false;
                opened = false;
            }
        }
        phase = Phase.GROUNDING;
        return Optional.empty();
    }

    /** Whether a field now holds what was typed, a box is as it was set: a problem if not. */
    private static Optional<String> check(StepResult step, Observation now) {
        if (step.action() instanceof Action.Type type && !Secrets.hasPlaceholder(type.text())) {
            return element(type.into(), now).flatMap(ObservedElement::value)
                    .filter(value -> !value.equals(type.text()) && !(type.text().isEmpty() && value.isBlank()))
                    .filter(value -> !value.matches("[•*●]+")) // a password field shows only dots
                    .map(value -> "the field holds \"" + value + "\", not \"" + type.text() + "\"");
        }
        if (step.action() instanceof Action.SetChecked box) {
            return element(box.box(), now).filter(e -> e.has("checked") != box.checked())
                    .filter(e -> e.has("checked") || e.has("unchecked"))
                    .map(e -> ElementMatcher.describe(e) + " is still " + (box.checked() ? "unchecked" : "checked"));
        }
        return Optional.empty();
    }

    private static Optional<ObservedElement> element(dev.deft.core.Target target, Observation now) {
        if (!(target.primary() instanceof Locator.ElementNumber number)) {
            return Optional.empty();
        }
        return now.elements().stream().filter(e -> e.number() == number.number()).findFirst();
    }

    private static String summary(PlanContext context) {
        List<String> values = context.history().stream().map(StepResult::outcome)
                .filter(o -> o instanceof Outcome.Done).map(o -> ((Outcome.Done) o).value())
                .flatMap(Optional::stream).toList();
        if (!values.isEmpty()) {
            return values.stream().collect(Collectors.joining("\n"));
        }
        String request = context.request().strip().replaceAll("\\s+", " ");
        // the request itself: "Done: open the shop." reads well wherever the status is put before it
        return (request.length() > 100 ? request.substring(0, 99) + "…" : request) + ".";
    }

    private static String notUnderstood(String request, String clause) {
        String what = clause.equals(request.strip()) ? "\"" + request.strip() + "\"" : "\"" + clause + "\" in your request";
        return "I did not understand " + what + ": the built-in planner knows commands such as open, click, type, "
                + "choose, check, search, log in, press, scroll, wait for and read. A language model (docs/MODELS.md) "
                + "or a recorded skill would handle this.";
    }
}
