package dev.deft.cli;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalGate;
import dev.deft.core.Plan;
import dev.deft.core.RecordingActuator;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunLimits;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.ScriptedPlanner;
import dev.deft.core.Target;
import dev.deft.memory.H2RunJournal;
import dev.deft.safety.RiskRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A workspace for command-line tests of approvals: the real loop, risk rules and H2 journal, with a planner that
 * places an order on a pretend shop whose actuator records what reached it.
 */
final class ShopWorkspace implements Workspace {
    final RecordingActuator shop = new RecordingActuator();
    private final RunJournal journal;

    ShopWorkspace(Path data) {
        this.journal = H2RunJournal.open(data);
    }

    @Override
    public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
        ScriptedPlanner planner = new ScriptedPlanner(
                Plan.act("order", new Action.Click(Target.byText("Place order"))),
                Plan.act("done", Action.Finish.done("The order is placed.")));
        AgentLoop loop = new AgentLoop(planner, List.of(shop), new RiskRules(), gate, List.of(),
                RunLimits.defaults().withMaxSteps(spec.maxSteps()), Clock.systemUTC());
        return loop.run("20261123-130000-5h0p", spec.request(), RunListener.all(journal, listener), control);
    }

    @Override
    public RunJournal journal() {
        return journal;
    }

    @Override
    public dev.deft.core.Vault vault() {
        throw new UnsupportedOperationException("the shop has no vault");
    }

    @Override
    public void close() {
        journal.close();
    }
}
