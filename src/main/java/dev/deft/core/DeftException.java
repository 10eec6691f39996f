package dev.deft.core;

/**
 * Deft's own unchecked exception: its message is the one line a person sees, saying what happened and what to do.
 * Subtypes say whether trying again may help ({@link Retriable}) or whether the person must fix a setting
 * ({@link Configuration}).
 */
public class DeftException extends RuntimeException {

    public DeftException(String message) {
        super(message);
    }

    public DeftException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A passing failure: a timeout, a rate limit, a stale element. */
    public static class Retriable extends DeftException {
        public Retriable(String message) { super(message); }
        public Retriable(String message, Throwable cause) { super(message, cause); }
    }

    /** A setting, a flag or a file the person must fix; the command line exits with status 2. */
    public static class Configuration extends DeftException {
        public Configuration(String message) { super(message); }
        public Configuration(String message, Throwable cause) { super(message, cause); }
    }
}
