package dev.deft.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that happened in a run. The same events feed the {@code --json} stream, the window's timeline
 * and the journal; {@link #fields()} is the event as those consumers see it, under the names DESIGN.md fixes.
 */
public sealed interface RunEvent {

    String run();

    Instant at();

    /** The event's name on the wire, such as {@code step_planned}. */
    String name();

    /** The event's own fields, in a stable order (without {@code event}, {@code run} and {@code at}). */
    Map<String, Object> body();

    /** Every field of the event, ready to be written as one JSON object. */
    default Map<String, Object> fields() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", name());
        all.put("run", run());
        all.put("at", at().toString());
        all.putAll(body());
        return all;
    }

    /** @param skill the skill the run replays, when it replays one */
    record RunStarted(String run, Instant at, String request, String planner, Optional<String> skill) implements RunEvent {
        public RunStarted {
            skill = skill == null ? Optional.empty() : skill;
        }

        public RunStarted(String run, Instant at, String request, String planner) {
            this(run, at, request, planner, Optional.empty());
        }

        @Override public String name() { return "run_started"; }
        @Override public Map<String, Object> body() {
            return skill.isEmpty() ? ordered("request", request, "planner", planner)
                    : ordered("request", request, "planner", planner, "skill", skill.get());
        }
    }

    /** A planner decided what to do next: its thinking and how many actions it chose. */
    record PlanMade(String run, Instant at, String planner, String thought, int actions, int llmCalls,
                    TokenUsage tokens) implements RunEvent {
        public PlanMade {
            tokens = tokens == null ? TokenUsage.NONE : tokens;
        }
        public PlanMade(String run, Instant at, String planner, String thought, int actions, int llmCalls) {
            this(run, at, planner, thought, actions, llmCalls, TokenUsage.NONE);
        }
        @Override public String name() { return "plan_made"; }
        @Override public Map<String, Object> body() {
            return ordered("planner", planner, "thought", thought, "actions", actions, "llm_calls", llmCalls,
                    "input_tokens", tokens.input(), "output_tokens", tokens.output());
        }
    }

    record StepPlanned(String run, Instant at, int step, Action action, RiskClass risk, String reason) implements RunEvent {
        @Override public String name() { return "step_planned"; }
        @Override public Map<String, Object> body() {
            return ordered("step", step, "action", action.describe(), "kind", action.kind(), "risk", risk.name(),
                    "reason", reason);
        }
    }

    record ApprovalRequested(String run, Instant at, ApprovalRequest request) implements RunEvent {
        @Override public String name() { return "approval_requested"; }
        @Override public Map<String, Object> body() {
            Map<String, Object> body = ordered("step", request.step(), "action", request.action().describe(),
                    "risk", request.risk().name(), "summary", request.summary(), "payload", request.payload());
            request.picture().ifPresent(picture -> body.put("picture", picture.toString()));
            return body;
        }
    }

    record ApprovalDecided(String run, Instant at, int step, boolean approved, String by) implements RunEvent {
        @Override public String name() { return "approval_decided"; }
        @Override public Map<String, Object> body() { return ordered("step", step, "approved", approved, "by", by); }
    }

    record StepFinished(String run, Instant at, int step, StepStatus status, long millis, String detail,
                        Optional<String> value, Optional<String> screenshot) implements RunEvent {
        @Override public String name() { return "step_finished"; }
        @Override public Map<String, Object> body() {
            Map<String, Object> body = ordered("step", step, "status", status.wire(), "millis", millis, "detail", detail);
            value.ifPresent(v -> body.put("value", v));
            screenshot.ifPresent(s -> body.put("screenshot", s));
            return body;
        }
    }

    /** The run paused before its next step for a person to act on the surface ({@code by}: who took over). */
    record RunPaused(String run, Instant at, int afterStep, String by) implements RunEvent {
        @Override public String name() { return "run_paused"; }
        @Override public Map<String, Object> body() { return ordered("after_step", afterStep, "by", by); }
    }

    /** A paused run goes on from what the surface shows now; {@code by} is who had it. */
    record RunResumed(String run, Instant at, int afterStep, String by) implements RunEvent {
        @Override public String name() { return "run_resumed"; }
        @Override public Map<String, Object> body() { return ordered("after_step", afterStep, "by", by); }
    }

    record RunFinished(String run, Instant at, RunStatus status, String summary, int steps, int llmCalls,
                       TokenUsage tokens) implements RunEvent {
        public RunFinished {
            tokens = tokens == null ? TokenUsage.NONE : tokens;
        }
        public RunFinished(String run, Instant at, RunStatus status, String summary, int steps, int llmCalls) {
            this(run, at, status, summary, steps, llmCalls, TokenUsage.NONE);
        }
        @Override public String name() { return "run_finished"; }
        @Override public Map<String, Object> body() {
            return ordered("status", status.wire(), "summary", summary, "steps", steps, "llm_calls", llmCalls,
                    "input_tokens", tokens.input(), "output_tokens", tokens.output());
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value == null ? "" : value);
        }
        return map;
    }

    /** Names of the events every consumer can rely on. */
    List<String> NAMES = List.of("run_started", "plan_made", "step_planned", "approval_requested",
            "approval_decided", "step_finished", "run_finished");
}
