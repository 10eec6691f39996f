package dev.deft.core;

/**
 * How much an action can change the world, from looking (READ) to irreversible (SEND, PAY, DELETE, ACCOUNT).
 * The order matters: a class may be raised to a later one, never lowered to an earlier one.
 */
public enum RiskClass {
    READ, INPUT, SUBMIT, SEND, PAY, DELETE, ACCOUNT;

    /** Whether a person must say yes before an action of this class reaches an actuator. */
    public boolean needsApproval() {
        return compareTo(SEND) >= 0;
    }

    /** The higher of this class and {@code other}: what a planner's claim can do to a class. */
    public RiskClass atLeast(RiskClass other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
