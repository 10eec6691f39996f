package dev.deft.core;

import java.util.Locale;

/**
 * How a run ended. {@code INTERRUPTED} is never reported by a live run: the journal gives it to a run
 * whose process died before it finished.
 */
public enum RunStatus {
    RUNNING, DONE, FAILED, REJECTED, INTERRUPTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
