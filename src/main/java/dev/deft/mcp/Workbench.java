package dev.deft.mcp;

import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;

/** What {@code deft mcp} serves, in the core's terms: runs of requests and the journal of past runs. */
public interface Workbench {

    /**
     * Runs a request to its end.
     *
     * @throws dev.deft.core.DeftException.Configuration when the request cannot start as configured
     */
    RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control);

    /** Runs a skill by name with parameter values; see {@link dev.deft.core.SkillBook#prepare}. */
    RunResult runSkill(String name, java.util.Map<String, String> values, RunSpec spec, ApprovalGate gate,
                       RunListener listener, RunControl control);

    /** The skills there are. */
    dev.deft.core.SkillBook skills();

    RunJournal journal();

    /** Whether a browser window can be shown here; without one, browsers run headless. */
    boolean canShowWindows();
}
