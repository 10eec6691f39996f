package dev.deft.core;

/** How a run ended: its id, status, a one-line summary, and what it cost. */
public record RunResult(String run, RunStatus status, String summary, int steps, int llmCalls) {
    public RunResult {
        Require.nonNull(run, "run");
        Require.nonNull(status, "status");
        summary = summary == null ? "" : summary;
    }
}
