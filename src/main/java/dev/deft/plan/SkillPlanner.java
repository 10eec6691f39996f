package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.PlannedAction;
import dev.deft.core.Planner;
import dev.deft.core.Require;
import dev.deft.core.SkillBook;
import dev.deft.core.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a skill, one step at a time and with no model: the skill a request fits (or the one named), its steps with
 * the run's values. When a step fails for good (its target is found by none of its locators), a model planner, where
 * one is set up, is asked for that one step; what it did is kept in the skill as its new revision. Without a model
 * the run stops and says which step broke.
 */
public final class SkillPlanner implements Planner {
    private static final Logger LOG = LoggerFactory.getLogger(SkillPlanner.class);
    private static final String NO_SKILL = "No skill fits this request.";
    private static final int REPAIR_TRIES = 3;

    private final SkillBook book;
    private final Optional<SkillBook.Prepared> named;
    private final Supplier<Optional<Planner>> repairer;
    private SkillBook.Prepared skill;
    /** The next step of the skill to plan (0-based). */
    private int next;
    /** The step being repaired by the model, and the first history entry of the repair. */
    private int repairing = -1;
    private int repairFrom;
    private int repairTries;
    private Planner repairPlanner;
    private final List<String> read = new ArrayList<>();

    /**
     * @param named    the skill to run, prepared; empty to run the skill the request fits
     * @param repairer the model planner that repairs a broken step, if a model is set up (asked for only then)
     */
    public SkillPlanner(SkillBook book, Optional<SkillBook.Prepared> named, Supplier<Optional<Planner>> repairer) {
        this.book = Require.nonNull(book, "book");
        this.named = Require.nonNull(named, "named");
        this.repairer = Require.nonNull(repairer, "repairer");
    }

    @Override
    public String name() {
        return "skill";
    }

    @Override
    public Optional<String> skill() {
        return named.map(SkillBook.Prepared::skill);
    }

    @Override
    public Plan next(PlanContext context) {
        if (skill == null) {
            Optional<SkillBook.Prepared> found = named.or(() -> book.match(context.request()));
            if (found.isEmpty()) {
                List<String> names = book.skills().stream().map(SkillBook.Entry::name).toList();
                return Plan.giveUp(NO_SKILL + (names.isEmpty() ? " There are no skills yet; record one with `deft record "
                        + "NAME`." : " The skills are " + String.join(", ", names) + "; `deft skills list` shows how to ask "
                        + "for each."));
            }
            skill = found.get();
            LOG.info("Run {}: the skill {} (revision {}) with {}", context.run(), skill.skill(), skill.revision(),
                    skill.values().keySet());
        }
        if (repairing >= 0) {
            return repair(context);
        }
        Optional<StepResult> last = context.last();
        if (next > 0 && last.isPresent()) {
            StepResult result = last.get();
            if (!result.outcome().succeeded()) {
                return broken(context, next - 1, result.outcome().detail());
            }
            if (result.outcome() instanceof dev.deft.core.Outcome.Done done) {
                done.value().ifPresent(read::add);
            }
        }
        if (next >= skill.steps().size()) {
            return Plan.act("Every step of the skill is done.", Action.Finish.done(summary()));
        }
        Action step = skill.steps().get(next);
        next++;
        return new Plan.Act(List.of(new PlannedAction(step, dev.deft.core.RiskClass.READ, "step " + next + " of the skill " + skill.skill())),
                "Step " + next + " of " + skill.steps().size() + " of the skill " + skill.skill() + ".", 0,
                dev.deft.core.TokenUsage.NONE);
    }

    /** A step that failed for good: a model repairs it where there is one, else the run stops saying which. */
    private Plan broken(PlanContext context, int step, String why) {
        Action broken = skill.steps().get(step);
        String which = "Step " + (step + 1) + " of the skill " + skill.skill() + " ("
                + broken.target().map(t -> broken.withTarget(t.named())).orElse(broken).describe() + ") broke: " + why;
        Optional<Planner> model;
        try {
            model = repairer.get();
        } catch (DeftException e) {
            model = Optional.empty();
        }
        if (model.isEmpty()) {
            return Plan.giveUp(which + " Record the skill again with `deft record " + skill.skill()
                    + "`, or set up a language model to repair it (docs/MODELS.md).");
        }
        repairing = step;
        repairFrom = context.history().size();
        repairPlanner = model.get();
        LOG.info("Run {}: {}; asking the model to repair the step", context.run(), which);
        return repair(context);
    }

    /** Asks the model for the broken step, then keeps what it did in the skill and goes on with the next step. */
    private Plan repair(PlanContext context) {
        List<StepResult> since = context.history().subList(repairFrom, context.history().size());
        Optional<StepResult> fixed = since.stream().filter(r -> r.outcome().succeeded()).reduce((a, b) -> b);
        if (fixed.isPresent() && !(fixed.get().action() instanceof Action.Finish)) {
            try {
                book.repair(skill.skill(), repairing, fixed.get().action());
                LOG.info("Run {}: the skill {} now does step {} as: {}", context.run(), skill.skill(), repairing + 1,
                        fixed.get().action().describe());
            } catch (RuntimeException e) {
                LOG.warn("Run {}: could not keep the repair of the skill {}: {}", context.run(), skill.skill(),
                        e.getMessage());
            }
            repairing = -1;
            repairTries = 0;
            return next(new PlanContext(context.run(), context.request(), context.observation(), List.of(),
                    context.step()));
        }
        Action step = skill.steps().get(repairing);
        if (++repairTries > REPAIR_TRIES) {
            return Plan.giveUp("Step " + (repairing + 1) + " of the skill " + skill.skill() + " broke, and the model did "
                    + "not repair it in " + REPAIR_TRIES + " tries.");
        }
        String request = "Do one step of a recorded task, and only that step: " + step.describe() + ". Its recorded "
                + "target is no longer on the page as it was; find the element that plays its part now and act on it.";
        Plan plan = repairPlanner.next(new PlanContext(context.run(), request, context.observation(), since,
                context.step()));
        if (!(plan instanceof Plan.Act act)) {
            return plan;
        }
        // the run goes on with the skill's next steps: a finish from the model would end it here
        List<PlannedAction> doing = act.actions().stream().filter(a -> !(a.action() instanceof Action.Finish)).toList();
        if (doing.isEmpty()) {
            return new Plan.GiveUp("Step " + (repairing + 1) + " of the skill " + skill.skill() + " broke, and the model "
                    + "could not repair it: " + ((Action.Finish) act.actions().get(0).action()).summary(),
                    act.llmCalls(), act.tokens());
        }
        return new Plan.Act(doing, act.thought(), act.llmCalls(), act.tokens());
    }

    private String summary() {
        String done = "Ran the skill " + skill.skill() + " (" + skill.steps().size() + " steps).";
        return read.isEmpty() ? done : done + " It read: " + String.join("; ", read);
    }
}
