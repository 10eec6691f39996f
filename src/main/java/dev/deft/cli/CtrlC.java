package dev.deft.cli;

import dev.deft.core.RunControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C during a run stops the run before its next action, and the run ends as it always does: journalled, with
 * its summary printed. Only a second Ctrl+C ends the process at once. Where the platform does not let Deft take
 * the signal, Ctrl+C ends the process and the journal marks the run interrupted.
 */
final class CtrlC implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CtrlC.class);
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private CtrlC(SignalHandler previous) {
        this.previous = previous;
    }

    /** Takes Ctrl+C for this run until {@link #close()}. */
    static CtrlC stops(RunControl control) {
        try {
            SignalHandler[] before = new SignalHandler[1];
            before[0] = Signal.handle(INT, signal -> {
                if (control.isCancelled()) {
                    Signal.handle(INT, before[0]);
                    Signal.raise(INT);
                } else {
                    control.cancel("stopped with Ctrl+C");
                }
            });
            return new CtrlC(before[0]);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.info("Ctrl+C cannot be taken here: {}", e.toString());
            return new CtrlC(null);
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
