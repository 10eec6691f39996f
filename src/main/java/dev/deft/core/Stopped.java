package dev.deft.core;

/**
 * The thread doing a step was asked to stop (the kill switch, a step timeout, a cancelled run) while it waited or
 * worked: whatever it was doing ends where it is.
 */
public class Stopped extends DeftException {
    public Stopped(String during) {
        super("Stopped while " + during + ".");
    }

    /** Throws when the current thread has been asked to stop; called before each low-level input or look. */
    public static void check(String during) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped(during);
        }
    }

    /** Turns an interruption into a stop, keeping the thread's interrupted status for whoever runs it. */
    public static Stopped from(InterruptedException e, String during) {
        Thread.currentThread().interrupt();
        return new Stopped(during);
    }
}
