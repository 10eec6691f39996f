package dev.deft.core;

import java.nio.file.Path;
import java.util.Map;
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

    /**
     * What the actuator found needs a person's yes before it is acted on, and nothing was done. Only the step chain
     * sees this: its approval link asks, and on a yes the step goes again, approved for exactly {@code action}.
     *
     * @param action       the action bound to what was found
     * @param payload      what the person is to read before saying yes, secrets masked
     * @param disagreement how what was found differs from what the step looked for, if it does
     */
    record NeedsApproval(Action action, RiskClass risk, Map<String, String> payload, String surface,
                         Optional<String> disagreement) implements Outcome {
        public NeedsApproval {
            Require.nonNull(action, "action");
            Require.nonNull(risk, "risk");
            payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                    payload == null ? Map.of() : payload));
            surface = surface == null ? "none" : surface;
            disagreement = disagreement == null ? Optional.empty() : disagreement;
        }

        @Override
        public String detail() {
            return "Needs a yes first: " + action.describe();
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
