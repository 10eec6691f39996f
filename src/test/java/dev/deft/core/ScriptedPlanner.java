package dev.deft.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A planner written for tests: answers with the plans it was given, in order, and remembers what it saw. */
public final class ScriptedPlanner implements Planner {
    private final Deque<Plan> plans;
    public final List<PlanContext> seen = new ArrayList<>();

    public ScriptedPlanner(Plan... plans) {
        this.plans = new ArrayDeque<>(List.of(plans));
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized Plan next(PlanContext context) {
        seen.add(context);
        return plans.isEmpty() ? Plan.giveUp("The script has no more plans.") : plans.poll();
    }
}
