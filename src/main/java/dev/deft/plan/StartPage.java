package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.PlannedAction;
import dev.deft.core.Planner;
import dev.deft.core.Require;
import java.util.List;

/** {@code --start-url}: opens the page first, then lets the planner it wraps take the request from there. */
public final class StartPage implements Planner {
    private final String url;
    private final Planner then;

    public StartPage(String url, Planner then) {
        this.url = Require.nonBlank(url, "url");
        this.then = Require.nonNull(then, "then");
    }

    @Override
    public String name() {
        return then.name();
    }

    @Override
    public Plan next(PlanContext context) {
        if (context.history().isEmpty()) {
            return new Plan.Act(List.of(new PlannedAction(new Action.OpenUrl(url), null, "--start-url")),
                    "Start on " + url + ".", 0);
        }
        dev.deft.core.StepResult start = context.history().get(0);
        if (!start.outcome().succeeded()) {
            return Plan.giveUp("Could not open the start page " + url + ": " + start.outcome().detail());
        }
        List<dev.deft.core.StepResult> rest = context.history().subList(1, context.history().size());
        return then.next(new PlanContext(context.run(), context.request(), context.observation(), rest, context.step()));
    }
}
