package dev.deft.core;

import java.nio.file.Path;
import java.util.Optional;

/** What came of performing one action. */
public sealed interface Outcome {

    /** A line for a person: what happened. */
    String detail();

    /** The action did what it should; {@code value} is what it read, if it read anything. */
    record Done(String detail, Optional<String> value, Optional<Path> screenshot) implements Outcome {
        public Done {
            detail = detail == null ? "" : detail;
            value = value == null ? Optional.empty() : value;
            screenshot = screenshot == null ? Optional.empty() : screenshot;
        }
        public Done withScreenshot(Path file) { return new Done(detail, value, Optional.ofNullable(file)); }
    }

    /** The action failed; a retriable failure (a timeout, a stale element) may succeed if tried again. */
    record Failed(String detail, boolean retriable) implements Outcome {
        public Failed { detail = Require.nonBlank(detail, "detail"); }
    }

    /** A person (or the approval mode) said no; the action never reached the actuator. */
    record Rejected(String detail, String by) implements Outcome {
        public Rejected {
            detail = Require.nonBlank(detail, "detail");
            by = Require.nonBlank(by, "by");
        }
    }

    static Outcome done(String detail) {
        return new Done(detail, Optional.empty(), Optional.empty());
    }

    static Outcome read(String value, String detail) {
        return new Done(detail, Optional.of(value), Optional.empty());
    }

    static Outcome failed(String detail) {
        return new Failed(detail, false);
    }

    static Outcome retriable(String detail) {
        return new Failed(detail, true);
    }

    default boolean succeeded() {
        return this instanceof Done;
    }
}
