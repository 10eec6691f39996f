package dev.deft.core;

import java.time.Instant;

/** A person's (or the approval mode's) answer to an {@link ApprovalRequest}. */
public record ApprovalDecision(boolean approved, String by, Instant at) {
    public ApprovalDecision {
        by = Require.nonBlank(by, "by");
        Require.nonNull(at, "at");
    }

    public static ApprovalDecision approve(String by, Instant at) {
        return new ApprovalDecision(true, by, at);
    }

    public static ApprovalDecision reject(String by, Instant at) {
        return new ApprovalDecision(false, by, at);
    }
}
