package dev.deft.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every run goes through: perceive, plan, guard, act, observe, and tell the listeners (the journal
 * among them) about each. Bounded by {@link RunLimits}; stopped from another thread by {@link RunControl}.
 */
public final class AgentLoop {
    private static final Logger LOG = LoggerFactory.getLogger(AgentLoop.class);

    private final Planner planner;
    private final List<Actuator> actuators;
    private final RiskPolicy policy;
    private final ApprovalGate gate;
    private final List<StepInterceptor> extraLinks;
    private final RunLimits limits;
    private final Clock clock;
    private final Secrets secrets;

    /** A loop with no secrets to mask. */
    public AgentLoop(Planner planner, List<Actuator> actuators, RiskPolicy policy, ApprovalGate gate,
                     List<StepInterceptor> extraLinks, RunLimits limits, Clock clock) {
        this(planner, actuators, policy, gate, extraLinks, limits, clock, Secrets.NONE);
    }

    /**
     * @param extraLinks links that every step passes after approval and before the actuator (the site list…)
     * @param secrets    what the actuators reveal at the moment of acting, and what is masked in all they return
     */
    public AgentLoop(Planner planner, List<Actuator> actuators, RiskPolicy policy, ApprovalGate gate,
                     List<StepInterceptor> extraLinks, RunLimits limits, Clock clock, Secrets secrets) {
        this.planner = Require.nonNull(planner, "planner");
        this.actuators = List.copyOf(Require.nonNull(actuators, "actuators"));
        this.policy = Require.nonNull(policy, "policy");
        this.gate = Require.nonNull(gate, "gate");
        this.extraLinks = List.copyOf(Require.nonNull(extraLinks, "extraLinks"));
        this.limits = Require.nonNull(limits, "limits");
        this.clock = Require.nonNull(clock, "clock");
        this.secrets = Require.nonNull(secrets, "secrets");
    }

    /** Runs one request to its end and returns how it ended; never throws for a failure of the task itself. */
    public RunResult run(String runId, String request, RunListener listener, RunControl control) {
        Require.nonBlank(runId, "runId");
        Require.nonNull(request, "request");
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "deft-step-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        try {
            return new Run(runId, request, listener, control, executor).go();
        } finally {
            executor.shutdownNow();
        }
    }

    /** One run's moving parts. */
    private final class Run {
        private final String id;
        private final String request;
        private final RunListener listener;
        private final RunControl control;
        private final RunLifecycle lifecycle = new RunLifecycle();
        private final List<StepInterceptor> links = new ArrayList<>();
        private final List<StepResult> history = new ArrayList<>();
        private final Instant started;
        private Observation observation = Observation.NONE;
        private Actuator current;
        private int steps;
        private int llmCalls;
        private TokenUsage tokens = TokenUsage.NONE;
        private int failuresInRow;

        Run(String id, String request, RunListener listener, RunControl control, ExecutorService executor) {
            this.id = id;
            this.request = request;
            this.listener = guarded(listener);
            this.control = control;
            this.started = clock.instant();
            links.add(new ApprovalLink(gate, this::pictureOf, this.listener, clock, control, lifecycle));
            links.add(new RetryLink(limits.attempts(), this.listener, clock, control));
            links.addAll(extraLinks);
            links.add(new SecretMaskingLink(secrets));
            links.add(new ActuatorLink(actuators, gate, executor, limits.stepTimeout(), control, secrets, policy));
            this.current = actuators.stream().filter(Actuator::hasSurface).findFirst().orElse(null);
        }

        RunResult go() {
            listener.on(new RunEvent.RunStarted(id, started, request, planner.name(), planner.skill()));
            if (request.isBlank()) {
                return end(RunState.FAILED, RunStatus.FAILED, "The request is empty: say what you want done.");
            }
            lifecycle.transition(RunState.STARTING, RunState.PLANNING);
            observe();
            while (true) {
                holdWhilePaused();
                Optional<String> stop = reasonToStop();
                if (stop.isPresent()) {
                    return end(RunState.FAILED, RunStatus.FAILED, stop.get());
                }
                Plan plan;
                try {
                    plan = planner.next(new PlanContext(id, request, observation, history, steps + 1));
                } catch (DeftException e) {
                    LOG.warn("Planner {} failed in run {}", planner.name(), id, e);
                    return end(RunState.FAILED, RunStatus.FAILED, e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("Planner {} failed in run {}", planner.name(), id, e);
                    return end(RunState.FAILED, RunStatus.FAILED, "The " + planner.name() + " planner failed: " + e);
                }
                llmCalls += plan.llmCalls();
                tokens = tokens.plus(plan.tokens());
                int actions = plan instanceof Plan.Act act ? act.actions().size() : 0;
                listener.on(new RunEvent.PlanMade(id, clock.instant(), planner.name(), plan.thought(), actions,
                        plan.llmCalls(), plan.tokens()));
                if (plan instanceof Plan.GiveUp giveUp) {
                    return end(RunState.FAILED, RunStatus.FAILED, giveUp.thought());
                }
                Optional<RunResult> ended = perform(((Plan.Act) plan).actions());
                if (ended.isPresent()) {
                    return ended.get();
                }
                lifecycle.transition(RunState.ACTING, RunState.PLANNING);
            }
        }

        /** Performs a plan's actions in order; a failed one ends the plan early so that the planner can replan. */
        private Optional<RunResult> perform(List<PlannedAction> actions) {
            lifecycle.transition(RunState.PLANNING, RunState.ACTING);
            for (PlannedAction planned : actions) {
                if (control.pausedBy().isPresent()) {
                    // the rest of this plan was made for a page the person is about to change: plan again after
                    return Optional.empty();
                }
                Optional<String> stop = reasonToStop();
                if (stop.isPresent()) {
                    return Optional.of(end(RunState.FAILED, RunStatus.FAILED, stop.get()));
                }
                int number = ++steps;
                Action action = planned.action();
                RiskClass risk = classify(action).atLeast(planned.claimedRisk());
                listener.on(new RunEvent.StepPlanned(id, clock.instant(), number, action, risk, planned.reason()));
                if (action instanceof Action.Finish finish) {
                    listener.on(finished(number, StepStatus.DONE, 0, finish.summary(), new Outcome.Done("", null, null)));
                    return Optional.of(finish.success()
                            ? end(RunState.DONE, RunStatus.DONE, finish.summary())
                            : end(RunState.FAILED, RunStatus.FAILED, finish.summary()));
                }
                long begun = clock.millis();
                Step step = new Step(id, number, action, risk, observation);
                Outcome outcome = new StepChain(links, 0, step).proceed(step);
                listener.on(finished(number, StepStatus.of(outcome), clock.millis() - begun, outcome.detail(), outcome));
                history.add(new StepResult(number, action, risk, outcome));
                if (outcome instanceof Outcome.Rejected rejected) {
                    return Optional.of(end(RunState.REJECTED, RunStatus.REJECTED,
                            rejected.detail() + " (" + rejected.by() + ")"));
                }
                useSurfaceOf(action);
                observe();
                if (outcome instanceof Outcome.Failed failed) {
                    if (++failuresInRow >= limits.maxFailures() || control.isCancelled()) {
                        String why = control.isCancelled() ? "Stopped: " + control.reason() + "."
                                : "Gave up after " + failuresInRow + " failed steps. Last: " + failed.detail();
                        return Optional.of(end(RunState.FAILED, RunStatus.FAILED, why));
                    }
                    return Optional.empty();
                }
                failuresInRow = 0;
            }
            return Optional.empty();
        }

        /**
         * While a person has taken over: the surface comes to the front, the run waits, and once resumed it looks at
         * the surface afresh. Both ends are events, so the journal keeps the pause and who acted.
         */
        private void holdWhilePaused() {
            Optional<String> by = control.pausedBy();
            if (by.isEmpty()) {
                return;
            }
            if (current != null) {
                try {
                    current.bringToFront();
                } catch (RuntimeException e) {
                    LOG.warn("Could not bring the {} to the front in run {}", current.surface(), id, e);
                }
            }
            listener.on(new RunEvent.RunPaused(id, clock.instant(), steps, by.get()));
            try {
                Optional<String> resumed = control.awaitResumed();
                if (resumed.isPresent()) {
                    listener.on(new RunEvent.RunResumed(id, clock.instant(), steps, resumed.get()));
                    observe();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel("interrupted while paused");
            }
        }

        private RiskClass classify(Action action) {
            try {
                return policy.classify(action, observation);
            } catch (RuntimeException e) {
                // A policy that cannot decide must not let the action through unasked.
                LOG.error("The risk policy failed on {}; treating it as needing approval", action, e);
                return RiskClass.ACCOUNT;
            }
        }

        private Optional<String> reasonToStop() {
            if (control.isCancelled()) {
                return Optional.of("Stopped before step " + (steps + 1) + ": " + control.reason() + ".");
            }
            if (steps >= limits.maxSteps()) {
                return Optional.of("Reached the limit of " + limits.maxSteps()
                        + " steps before the task was done; raise it with --max-steps.");
            }
            Duration elapsed = Duration.between(started, clock.instant());
            if (elapsed.compareTo(limits.runTimeout()) > 0) {
                return Optional.of("Ran longer than the limit of " + limits.runTimeout().toMinutes() + " min.");
            }
            return Optional.empty();
        }

        private void useSurfaceOf(Action action) {
            actuators.stream().filter(a -> a.handles(action)).findFirst().filter(Actuator::hasSurface)
                    .ifPresent(a -> current = a);
        }

        private void observe() {
            observation = observeNow();
            listener.observed(id, observation);
        }

        private Optional<java.nio.file.Path> pictureOf(Target target) {
            return current == null ? Optional.empty() : current.pictureOf(target);
        }

        private Observation observeNow() {
            if (current == null) {
                return Observation.NONE;
            }
            try {
                Observation seen = current.observe();
                return secrets == Secrets.NONE ? seen : new MaskedObservation(seen, secrets);
            } catch (RuntimeException e) {
                LOG.warn("Could not observe the {} in run {}", current.surface(), id, e);
                return Observation.NONE;
            }
        }

        private RunEvent.StepFinished finished(int number, StepStatus status, long millis, String detail,
                                               Outcome outcome) {
            Optional<String> value = outcome instanceof Outcome.Done done ? done.value() : Optional.empty();
            Optional<String> shot = outcome instanceof Outcome.Done done
                    ? done.screenshot().map(Object::toString) : Optional.empty();
            return new RunEvent.StepFinished(id, clock.instant(), number, status, millis, detail, value, shot);
        }

        private RunResult end(RunState state, RunStatus status, String summary) {
            if (lifecycle.current() != state) {
                lifecycle.moveTo(state);
            }
            listener.on(new RunEvent.RunFinished(id, clock.instant(), status, summary, steps, llmCalls, tokens));
            return new RunResult(id, status, summary, steps, llmCalls);
        }
    }

    /** A listener that fails must not stop the run; it is logged and the run goes on. */
    private static RunListener guarded(RunListener listener) {
        return new RunListener() {
            @Override
            public void on(RunEvent event) {
                quietly(event.name(), () -> listener.on(event));
            }

            @Override
            public void observed(String run, Observation observation) {
                quietly("an observation", () -> listener.observed(run, observation));
            }

            @Override
            public void notice(String run, String message) {
                quietly("a notice", () -> listener.notice(run, message));
            }
        };
    }

    private static void quietly(String what, Runnable tell) {
        try {
            tell.run();
        } catch (RuntimeException e) {
            LOG.error("A run listener failed on {}", what, e);
        }
    }
}
