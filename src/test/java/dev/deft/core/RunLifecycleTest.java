package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunLifecycleTest {

    @Test
    void aRunMovesAlongTheAllowedEdges() {
        RunLifecycle run = new RunLifecycle();
        run.transition(RunState.STARTING, RunState.PLANNING);
        run.transition(RunState.PLANNING, RunState.ACTING);
        run.transition(RunState.ACTING, RunState.AWAITING_APPROVAL);
        run.transition(RunState.AWAITING_APPROVAL, RunState.ACTING);
        run.transition(RunState.ACTING, RunState.DONE);

        assertThat(run.current()).isEqualTo(RunState.DONE);
        assertThat(run.current().isFinal()).isTrue();
    }

    @Test
    void anApprovalCannotBeSkippedNorAnEndedRunRestarted() {
        RunLifecycle run = new RunLifecycle();
        run.transition(RunState.STARTING, RunState.PLANNING);

        assertThatThrownBy(() -> run.transition(RunState.PLANNING, RunState.REJECTED))
                .isInstanceOf(IllegalStateException.class);
        run.transition(RunState.PLANNING, RunState.FAILED);
        assertThatThrownBy(() -> run.moveTo(RunState.PLANNING)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMoveFromAStateTheRunIsNotInIsRefused() {
        RunLifecycle run = new RunLifecycle();

        assertThatThrownBy(() -> run.transition(RunState.ACTING, RunState.DONE))
                .hasMessageContaining("run is STARTING");
    }
}
