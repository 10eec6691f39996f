package dev.deft.desktop;

import dev.deft.core.DeftException;

/** The step's thread was interrupted (the kill switch, a step timeout): mouse and keyboard stop where they are. */
final class Stopped extends DeftException {
    Stopped(String during) {
        super("Stopped while " + during + ".");
    }

    /** Throws when the current thread has been asked to stop; called before every low-level input. */
    static void check(String during) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped(during);
        }
    }

    /** Turns an interruption into a stop, keeping the thread's interrupted status for whoever runs it. */
    static Stopped from(InterruptedException e, String during) {
        Thread.currentThread().interrupt();
        return new Stopped(during);
    }
}
