package dev.deft.plan;

import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import dev.deft.core.Require;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A planner made only when it is first asked, so that planner {@code auto} probes for a language model only when
 * the cheaper planners could not take the request. With none to be had it gives up with {@code whyNone}.
 */
public final class DeferredPlanner implements Planner {
    private final String name;
    private final Supplier<Optional<Planner>> maker;
    private final String whyNone;
    private Optional<Planner> made;

    public DeferredPlanner(String name, Supplier<Optional<Planner>> maker, String whyNone) {
        this.name = Require.nonBlank(name, "name");
        this.maker = Require.nonNull(maker, "maker");
        this.whyNone = Require.nonBlank(whyNone, "whyNone");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Plan next(PlanContext context) {
        if (made == null) {
            made = maker.get();
        }
        return made.map(planner -> planner.next(context)).orElseGet(() -> Plan.giveUp(whyNone));
    }
}
