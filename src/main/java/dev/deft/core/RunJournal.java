package dev.deft.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of every run: it listens to a run's events and answers what happened afterwards.
 * A run whose process died before it finished is reported {@link RunStatus#INTERRUPTED}.
 */
public interface RunJournal extends RunListener, AutoCloseable {

    /** The latest runs, newest first. */
    List<RunSummary> recent(int limit);

    /** How often each skill was replayed and how often that was done, by skill name. */
    java.util.Map<String, SkillTally> skillTallies();

    /** One run with its steps and approvals, by its id or an unambiguous beginning of it. */
    Optional<RunRecord> find(String runIdOrPrefix);

    @Override
    void close();

    record RunSummary(String id, String request, String planner, RunStatus status, String summary, int steps,
                      int llmCalls, Instant startedAt, Optional<Instant> finishedAt, TokenUsage tokens) {
        public RunSummary {
            tokens = tokens == null ? TokenUsage.NONE : tokens;
        }
        public RunSummary(String id, String request, String planner, RunStatus status, String summary, int steps,
                          int llmCalls, Instant startedAt, Optional<Instant> finishedAt) {
            this(id, request, planner, status, summary, steps, llmCalls, startedAt, finishedAt, TokenUsage.NONE);
        }
    }

    /** A skill's replays in the journal: how many ran, how many were done, and when the last one started. */
    record SkillTally(String skill, int runs, int done, Optional<Instant> lastRun) {
    }

    record StepRecord(int step, String kind, String action, RiskClass risk, String reason, Optional<StepStatus> status,
                      long millis, String detail, Optional<String> value, Optional<String> screenshot) {
    }

    record ApprovalRecord(int step, RiskClass risk, String summary, String payload, Optional<Boolean> approved,
                          String decidedBy, Instant requestedAt, Optional<Instant> decidedAt) {
    }

    record DecisionRecord(int afterStep, String planner, String thought, int actions, int llmCalls) {
    }

    record RunRecord(RunSummary run, List<DecisionRecord> decisions, List<StepRecord> steps,
                     List<ApprovalRecord> approvals) {
    }
}
