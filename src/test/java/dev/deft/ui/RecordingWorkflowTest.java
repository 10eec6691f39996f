package dev.deft.ui;

import static dev.deft.ui.RecordingWorkflow.State.DISCARDED;
import static dev.deft.ui.RecordingWorkflow.State.FAILED;
import static dev.deft.ui.RecordingWorkflow.State.IDLE;
import static dev.deft.ui.RecordingWorkflow.State.OPENING;
import static dev.deft.ui.RecordingWorkflow.State.RECORDING;
import static dev.deft.ui.RecordingWorkflow.State.REVIEWING;
import static dev.deft.ui.RecordingWorkflow.State.SAVED;
import static dev.deft.ui.RecordingWorkflow.State.SAVING;
import static dev.deft.ui.RecordingWorkflow.State.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.ui.RecordingWorkflow.State;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A recording of a skill moves from its form to saved or discarded, and no other way. */
class RecordingWorkflowTest {

    @Test
    void aRecordingOpensIsWatchedStopsForReviewAndIsSaved() {
        RecordingWorkflow recording = new RecordingWorkflow();

        recording.transition(IDLE, OPENING);
        recording.transition(OPENING, RECORDING);
        recording.transition(RECORDING, STOPPING);
        recording.transition(STOPPING, REVIEWING);
        recording.transition(REVIEWING, SAVING);
        recording.transition(SAVING, SAVED);

        assertThat(recording.current()).isEqualTo(SAVED);
        assertThat(SAVED.isFinal()).isTrue();
    }

    @Test
    void aSaveThatFailsGoesBackToTheReviewAndMayBeTriedAgain() {
        RecordingWorkflow recording = at(REVIEWING);

        recording.transition(REVIEWING, SAVING);
        recording.transition(SAVING, REVIEWING);
        recording.transition(REVIEWING, SAVING);
        recording.transition(SAVING, SAVED);

        assertThat(recording.is(SAVED)).isTrue();
    }

    @Test
    void aRecordingIsDiscardedWhileWatchedOrInReviewOrWhenTheWindowClosesAsItOpensOrStops() {
        for (State from : new State[] {OPENING, RECORDING, STOPPING, REVIEWING}) {
            RecordingWorkflow recording = at(from);

            recording.transition(from, DISCARDED);

            assertThat(recording.current()).as("discarded from " + from).isEqualTo(DISCARDED);
        }
    }

    @Test
    void aBrowserThatDoesNotOpenOrIsGoneWhenStoppedFailsTheRecording() {
        RecordingWorkflow notOpened = at(OPENING);
        notOpened.transition(OPENING, FAILED);
        RecordingWorkflow gone = at(STOPPING);
        gone.transition(STOPPING, FAILED);

        assertThat(notOpened.current()).isEqualTo(FAILED);
        assertThat(gone.current()).isEqualTo(FAILED);
    }

    @Test
    void nothingIsSavedWithoutAReviewNorWatchedWithoutABrowser() {
        assertThatThrownBy(() -> at(IDLE).transition(IDLE, RECORDING))
                .isInstanceOf(IllegalStateException.class).hasMessage("a recording cannot move from IDLE to RECORDING");
        assertThatThrownBy(() -> at(RECORDING).transition(RECORDING, SAVING))
                .hasMessage("a recording cannot move from RECORDING to SAVING");
        assertThatThrownBy(() -> at(REVIEWING).transition(REVIEWING, SAVED))
                .hasMessage("a recording cannot move from REVIEWING to SAVED");
    }

    @Test
    void aSaveUnderWayIsNotDiscarded() {
        assertThatThrownBy(() -> at(SAVING).transition(SAVING, DISCARDED))
                .hasMessage("a recording cannot move from SAVING to DISCARDED");
    }

    @Test
    void anEndedRecordingStaysEnded() {
        for (State end : new State[] {SAVED, DISCARDED, FAILED}) {
            assertThat(end.next()).as(end + " leads nowhere").isEmpty();
            assertThat(end.isUnderWay()).isFalse();
        }
        RecordingWorkflow discarded = at(DISCARDED);
        assertThatThrownBy(() -> discarded.transition(DISCARDED, REVIEWING)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> discarded.transition(DISCARDED, OPENING)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMoveFromAStateTheRecordingIsNotInIsRefused() {
        RecordingWorkflow recording = at(RECORDING);

        assertThatThrownBy(() -> recording.transition(REVIEWING, SAVING))
                .hasMessage("the recording is RECORDING, not REVIEWING; cannot move to SAVING");
        assertThat(recording.current()).isEqualTo(RECORDING);
    }

    @Test
    void aRecordingHoldsTheTabFromOpeningUntilItEnds() {
        assertThat(Arrays.stream(State.values()).filter(State::isUnderWay))
                .containsExactly(OPENING, RECORDING, STOPPING, REVIEWING, SAVING);
    }

    /** A recording brought to {@code state} along the way a person takes. */
    private static RecordingWorkflow at(State state) {
        RecordingWorkflow recording = new RecordingWorkflow();
        State[] way = {IDLE, OPENING, RECORDING, STOPPING, REVIEWING, SAVING, SAVED};
        for (int i = 1; i < way.length && recording.current() != state; i++) {
            recording.transition(way[i - 1], way[i]);
        }
        if (recording.current() != state) {
            // DISCARDED and FAILED are off the way: reached from where the recording opens
            recording = at(OPENING);
            recording.transition(OPENING, state);
        }
        return recording;
    }
}
