package dev.deft.ui;

import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;

/** Runs a request to its end, on the calling thread: the window calls it from a background thread. */
@FunctionalInterface
public interface Runs {

    /** @throws dev.deft.core.DeftException when the request cannot start as configured (its message is one line) */
    RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control);
}
