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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The planner that needs no model. It reads the request into intents ({@link CommandGrammar}), then does them one
 * at a time, each matched to what the page shows at that moment; it checks what each step did, tries a step once
 * more (after waiting for a thing that may still be loading), and ends honestly with what it could not do.
 * Desktop work (as {@link DesktopCommands} tells it) goes to the desktop grammar instead. One planner serves one run.
 */
public final class CommandPlanner implements Planner {
    /** Words of a page that turns an action down: an alert saying them means the action did not go through. */
    private static final Pattern REFUSAL = Pattern.compile("(?i)\\b(?:please (?:give|enter|"
            + "fill|choose|select|provide|check|correct|tick|accept)|required|invalid|is missing|are missing|must|cannot|can't|"
            + "could not|couldn't|incorrect|wrong|not valid|error|failed)\\b");
    private static final String PAGE_SAYS = "the page says ";
    private static final Duration WAIT_FOR_LATE_THINGS = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(900);
    /** A page that has not changed for this long is taken as still: what is not there now will not come. */
    private static final Duration STILL = Duration.ofMillis(400);
    private static final Duration WAIT_WHILE_CHANGING = Duration.ofSeconds(3);

    private final CommandGrammar grammar;
    private final Recall recall = new Recall();
    private final IntentGrounding grounding;
    private final Exploration exploration = new Exploration();
    private final List<String> answers = new ArrayList<>();
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
    /** How many intents the last plan did: two where a wait and the step after it went together. */
    private int covering = 1;

    /** What the last plan was for. */
    private enum Phase { GROUNDING, PART_OF_INTENT, WHOLE_INTENT, WAITING, SETTLING, EXPLORING }

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
        this.grounding = new IntentGrounding(sites, recall);
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
                return Plan.giveUp(notUnderstood(not.clause()));
            }
            intents = new ArrayList<>(((CommandGrammar.Reading.Understood) reading).intents());
            grounding.reading(context.request());
            Optional<String> cannot = cannotFromTheStart(context.observation());
            if (cannot.isPresent()) {
                return Plan.giveUp(cannot.get());
            }
        }
        List<StepResult> fresh = context.history().subList(Math.min(accountedFor, context.history().size()),
                context.history().size());
        accountedFor = context.history().size();
        if (!fresh.isEmpty() && (phase == Phase.SETTLING || phase == Phase.EXPLORING)) {
            // a page that never stops changing (an animation, a clock) is no reason to fail: go on as it is
            phase = Phase.GROUNDING;
        } else if (!fresh.isEmpty()) {
            Optional<String> problem = review(fresh, context.observation());
            if (problem.isPresent()) {
                Optional<ObservedElement> popUp = exploration.dismissal(context.observation(), intents.get(current));
                if (popUp.isPresent()) {
                    // a pop-up came in the way: close it as a person would, then do the step again
                    phase = Phase.EXPLORING;
                    return Plan.act(problem.get() + " A pop-up is in the way: close it with "
                            + ElementMatcher.describe(popUp.get()) + ".", new Action.Click(Grounded.target(popUp.get())));
                }
                // a page that said no ("Wrong password") is not asked again: the same press gets the same answer
                if (++tries >= 2 || problem.get().startsWith(PAGE_SAYS)) {
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
            // an answer the page gave late ("Wrong user name or password" once the server replied) still counts
            Intent last = intents.isEmpty() ? null : intents.get(intents.size() - 1);
            boolean pressed = last instanceof Intent.Click || last instanceof Intent.LogIn || last instanceof Intent.Press
                    || last instanceof Intent.CheckOut || last instanceof Intent.Unread;
            Optional<String> refused = pressed ? refusal(context.observation()) : Optional.empty();
            if (refused.isPresent()) {
                return Plan.giveUp("Could not " + IntentWords.of(last) + ": " + refused.get());
            }
            return Plan.act("Everything asked for is done.", Action.Finish.done(summary(context)));
        }
        covering = 1;
        Intent intent = intents.get(current);
        if (tries == 0 && !opened && !waited && phase == Phase.GROUNDING) {
            exploration.begin(context.observation());
        }
        if (intent instanceof Intent.LogIn && tries == 0 && phase == Phase.GROUNDING && fieldsBeside(context.observation())) {
            intent = intents.get(current);
        }
        Grounded grounded = grounding.ground(intent, context.observation(), opened);
        while (grounded instanceof Grounded.Steps none && none.actions().isEmpty() && none.finishes()) {
            // nothing to do for this part ("open the section" when it is open): on to the next
            advance();
            if (current >= intents.size()) {
                return Plan.act("Everything asked for is done.", Action.Finish.done(summary(context)));
            }
            intent = intents.get(current);
            grounded = grounding.ground(intent, context.observation(), opened);
        }
        if (grounded instanceof Grounded.NotThere not) {
            // an empty page after a step is one on its way; before any step, it is no page at all
            if (not.later() && !waited && (!context.observation().elements().isEmpty() || !context.history().isEmpty())) {
                // The page may still be loading: wait while it changes, then look again; a still page is not waited on.
                waited = true;
                phase = Phase.WAITING;
                return Plan.act(not.message() + " Wait while the page is still changing, then look again.",
                        new Action.WaitFor(new Condition.Settled(STILL), WAIT_WHILE_CHANGING));
            }
            Optional<ObservedElement> opener = not.later() ? exploration.next(intent, context.observation(),
                    revealed(context.observation())) : Optional.empty();
            if (opener.isPresent()) {
                // what a person does: look behind the tabs, the collapsed sections, the next page
                phase = Phase.EXPLORING;
                return Plan.act(not.message() + " Look behind " + ElementMatcher.describe(opener.get()) + ".",
                        new Action.Click(Grounded.target(opener.get())));
            }
            return Plan.giveUp(not.message());
        }
        Grounded.Steps steps = (Grounded.Steps) grounded;
        phase = steps.finishes() ? Phase.WHOLE_INTENT : Phase.PART_OF_INTENT;
        if (intent instanceof Intent.Pause && current + 1 < intents.size()) {
            // "wait 2 seconds, then click Go": the click follows the wait at once, with no look between to delay it
            Grounded then = grounding.ground(intents.get(current + 1), context.observation(), false);
            if (then instanceof Grounded.Steps next && next.finishes() && !next.actions().isEmpty()) {
                covering = 2;
                List<Action> both = new ArrayList<>(steps.actions());
                both.addAll(next.actions());
                return Plan.act(steps.thought() + " " + next.thought(), both.toArray(Action[]::new));
            }
        }
        return Plan.act(steps.thought(), steps.actions().toArray(Action[]::new));
    }

    /**
     * "log in as X with password Y and tick remember me": the boxes and fields named after the log-in that are on
     * the sign-in page now are set before the log-in sends it; those that are not wait for the page after it.
     */
    private boolean fieldsBeside(Observation page) {
        int after = current + 1;
        while (after < intents.size() && (intents.get(after) instanceof Intent.SetBoxes || intents.get(after) instanceof Intent.Fill)
                && grounding.ground(intents.get(after), page, false) instanceof Grounded.Steps steps
                && !steps.actions().isEmpty()) {
            after++;
        }
        if (after == current + 1) {
            return false;
        }
        intents.add(after - 1, intents.remove(current));
        return true;
    }

    /** The menu item the step before pointed at, which the menu may want clicked instead; the thing it found. */
    private Optional<ObservedElement> revealed(Observation page) {
        // and a thing found for what follows ("find the email by Coletta and click the star"): opened, as a person does
        return current > 0 && (intents.get(current - 1) instanceof Intent.Reveal || intents.get(current - 1) instanceof Intent.Locate)
                ? recall.named(page.elements()) : Optional.empty();
    }

    /** A part no rule can do, or a request read with no page to read it against: said before anything is done. */
    private Optional<String> cannotFromTheStart(Observation page) {
        for (Intent intent : intents) {
            if (intent instanceof Intent.Cannot cannot) {
                return Optional.of("I cannot do \"" + cannot.clause() + "\": " + cannot.why() + ".");
            }
        }
        if (intents.get(0) instanceof Intent.Unread unread && page.elements().isEmpty()) {
            return Optional.of(notUnderstood(unread.clause()));
        }
        return Optional.empty();
    }

    private void advance() {
        current++;
        tries = 0;
        waited = false;
        opened = false;
        exploration.reset();
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
        return last instanceof Intent.Search || last instanceof Intent.Locate || last instanceof Intent.LogIn || last instanceof Intent.Click
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
                for (int covered = covering; covered > 0; covered--) {
                    remember(intents.get(current), last);
                    advance();
                }
                covering = 1;
            }
            case SETTLING, EXPLORING -> { }
        }
        phase = Phase.GROUNDING;
        return Optional.empty();
    }

    /** What a read gave, kept for the summary and for "type that into the box": the word asked for, or all of it. */
    private void remember(Intent intent, StepResult last) {
        if (!(intent instanceof Intent.Read read) || !(last.outcome() instanceof Outcome.Done done) || done.value().isEmpty()) {
            return;
        }
        String value = done.value().get();
        if (read.word() != 0) {
            List<String> words = List.of(value.strip().split("[\\s,.;:!?\"“”()]+")).stream().filter(w -> !w.isBlank()).toList();
            int index = read.word() > 0 ? read.word() - 1 : words.size() - 1;
            value = index >= 0 && index < words.size() ? words.get(index) : "";
        }
        recall.read(value);
        answers.add(value);
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
        if (step.action() instanceof Action.Click || step.action() instanceof Action.PressKey) {
            return refusal(now);
        }
        return Optional.empty();
    }

    /** "Please give your name.": an alert in which the page turns a press down, and says why. */
    private static Optional<String> refusal(Observation now) {
        return now.elements().stream().filter(e -> e.role().equals("alert"))
                .map(e -> e.text().isBlank() ? e.name() : e.text())
                .filter(text -> REFUSAL.matcher(text).find()).findFirst()
                .map(text -> PAGE_SAYS + "\"" + text.strip() + "\"");
    }

    private static Optional<ObservedElement> element(dev.deft.core.Target target, Observation now) {
        if (!(target.primary() instanceof Locator.ElementNumber number)) {
            return Optional.empty();
        }
        return now.elements().stream().filter(e -> e.number() == number.number()).findFirst();
    }

    private String summary(PlanContext context) {
        if (!answers.isEmpty()) {
            return String.join("\n", answers);
        }
        String request = context.request().strip().replaceAll("\\s+", " ");
        // the request itself: "Done: open the shop." reads well wherever the status is put before it
        String said = request.length() > 100 ? request.substring(0, 99) + "…" : request;
        return said.matches("(?s).*[.!?…]$") ? said : said + ".";
    }

    private static String notUnderstood(String clause) {
        return "I did not understand \"" + clause + "\": the built-in planner knows commands such as open, click, type, "
                + "choose, check, search, log in, press, scroll, wait for and read, and the names of what a page shows. "
                + "A language model (docs/MODELS.md) or a recorded skill would handle this.";
    }
}
