package dev.deft.plan;

import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.Require;
import dev.deft.core.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Planner {@code auto}: asks each planner in turn, cheapest first, and keeps to the first that takes the request
 * on for the rest of the run. When none can, the run ends with every planner's reason.
 */
public final class PlannerChain implements Planner {
    private final List<Planner> planners;
    private Planner chosen;

    public PlannerChain(List<Planner> planners) {
        this.planners = List.copyOf(Require.nonNull(planners, "planners"));
        if (this.planners.isEmpty()) {
            throw new IllegalArgumentException("planners must not be empty");
        }
    }

    @Override
    public String name() {
        return chosen == null ? "auto" : chosen.name();
    }

    @Override
    public Plan next(PlanContext context) {
        if (chosen != null) {
            return chosen.next(context);
        }
        List<String> reasons = new ArrayList<>();
        int llmCalls = 0;
        TokenUsage tokens = TokenUsage.NONE;
        for (Planner planner : planners) {
            Plan plan = planner.next(context);
            llmCalls += plan.llmCalls();
            tokens = tokens.plus(plan.tokens());
            if (plan instanceof Plan.Act act) {
                chosen = planner;
                return new Plan.Act(act.actions(), act.thought(), llmCalls, tokens);
            }
            reasons.add(plan.thought());
        }
        return new Plan.GiveUp(reasons.size() == 1 ? reasons.get(0) : String.join(" ", reasons), llmCalls, tokens);
    }
}
