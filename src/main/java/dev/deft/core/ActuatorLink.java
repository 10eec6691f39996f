package dev.deft.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the chain: hands the step to the actuator that handles it and waits for it at most the step timeout,
 * or until the run is cancelled. Questions to the person go to the approval gate, which is where a person is.
 */
final class ActuatorLink implements StepInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ActuatorLink.class);

    private final List<Actuator> actuators;
    private final ApprovalGate gate;
    private final ExecutorService executor;
    private final Duration timeout;
    private final RunControl control;
    private final Secrets secrets;
    private final RiskPolicy policy;

    ActuatorLink(List<Actuator> actuators, ApprovalGate gate, ExecutorService executor, Duration timeout,
                 RunControl control, Secrets secrets, RiskPolicy policy) {
        this.secrets = secrets;
        this.policy = policy;
        this.actuators = actuators;
        this.gate = gate;
        this.executor = executor;
        this.timeout = timeout;
        this.control = control;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Step step = chain.step();
        if (step.action() instanceof Action.AskUser ask) {
            return askPerson(step, ask);
        }
        Optional<Actuator> actuator = actuators.stream().filter(a -> a.handles(step.action())).findFirst();
        if (actuator.isEmpty()) {
            return Outcome.failed("Nothing set up here can " + step.action().kind().replace('_', ' ')
                    + " (" + step.action().describe() + "): no surface handles it.");
        }
        StepGuard guard = new StepGuard(step, policy, secrets);
        Future<Outcome> running = executor.submit(() -> unguarded(actuator.get(), guard,
                actuator.get().perform(step.action(), guard)));
        CompletableFuture<Void> stopOnCancel = control.whenCancelled().thenRun(() -> running.cancel(true));
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            return Outcome.failed("Stopped during step " + step.number() + ": " + control.reason() + ".");
        } catch (TimeoutException e) {
            running.cancel(true);
            return Outcome.retriable("Step " + step.number() + " took longer than " + Brief.seconds(timeout) + " and was stopped: " + step.action().describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return Outcome.failed("Stopped during step " + step.number() + ".");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // An actuator's exception may quote what it typed, so the trace is masked before it is logged.
            LOG.warn("Step {} failed: {}\n{}", step.number(), step.action().describe(), secrets.mask(traceOf(cause)));
            String message = cause instanceof DeftException ? cause.getMessage()
                    : step.action().describe() + " failed: " + cause;
            return cause instanceof DeftException.Retriable ? Outcome.retriable(message) : Outcome.failed(message);
        } finally {
            stopOnCancel.cancel(false);
        }
    }

    /**
     * An actuator that acted without asking its guard broke the one rule no action may skip: whatever it did, the step
     * is not done, and the log says which surface did it.
     */
    private static Outcome unguarded(Actuator actuator, StepGuard guard, Outcome outcome) {
        if (outcome instanceof Outcome.Done && !guard.consulted()) {
            LOG.error("The {} actuator acted without asking its guard first", actuator.surface());
            return Outcome.failed("The " + actuator.surface() + " acted without the check before acting; the step is "
                    + "not counted as done (a defect in Deft: please report it).");
        }
        return outcome;
    }

    private static String traceOf(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    private Outcome askPerson(Step step, Action.AskUser ask) {
        try {
            Object answer = CompletableFuture.anyOf(gate.ask(step.run(), ask.question()), control.whenCancelled()).get();
            if (answer instanceof Optional<?> given && given.isPresent()) {
                return Outcome.read(String.valueOf(given.get()), "The person answered.");
            }
            return Outcome.failed("No one could answer: " + ask.question());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("Stopped while waiting for an answer.");
        } catch (ExecutionException e) {
            return Outcome.failed("No one could answer: " + ask.question());
        }
    }
}
