package dev.deft.core;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a person for a yes whenever the actuator, having found what a step acts on, was told by the step's guard that
 * it needs one ({@link Outcome.NeedsApproval}); on a yes the step goes again, approved for exactly what was found and
 * the payload the person read. No yes, no action: a refusal, a closed card, a gate that fails and a cancelled run all
 * end as {@link Outcome.Rejected}.
 */
final class ApprovalLink implements StepInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalLink.class);

    /** How often a step whose payload changed after a yes is asked again before it is refused. */
    private static final int MAX_ASKS = 3;

    private final ApprovalGate gate;
    private final Function<Target, Optional<java.nio.file.Path>> picture;
    private final RunListener listener;
    private final Clock clock;
    private final RunControl control;
    private final RunLifecycle lifecycle;

    /** @param picture the surface with a target outlined, for the card */
    ApprovalLink(ApprovalGate gate, Function<Target, Optional<java.nio.file.Path>> picture, RunListener listener,
                 Clock clock, RunControl control, RunLifecycle lifecycle) {
        this.picture = picture;
        this.gate = gate;
        this.listener = listener;
        this.clock = clock;
        this.control = control;
        this.lifecycle = lifecycle;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Step step = chain.step();
        Outcome outcome = chain.proceed(step);
        for (int asked = 0; outcome instanceof Outcome.NeedsApproval needs; asked++) {
            lifecycle.transition(RunState.ACTING, RunState.AWAITING_APPROVAL);
            if (asked == MAX_ASKS) {
                return new Outcome.Rejected("What the step would act on kept changing after it was approved: "
                        + needs.action().describe(), "Deft (payload changed after approval)");
            }
            if (asked > 0) {
                LOG.info("What step {} acts on changed after approval; asking again", step.number());
            }
            ApprovalRequest request = new ApprovalRequest(step.run(), step.number(), needs.action(), needs.risk(),
                    needs.surface(), summary(needs), needs.payload(), pictureOf(needs.action()));
            listener.on(new RunEvent.ApprovalRequested(step.run(), clock.instant(), request));
            ApprovalDecision decision = await(request);
            listener.on(new RunEvent.ApprovalDecided(step.run(), decision.at(), step.number(), decision.approved(),
                    decision.by()));
            if (!decision.approved()) {
                return new Outcome.Rejected("Not approved: " + needs.action().describe(), decision.by());
            }
            lifecycle.transition(RunState.AWAITING_APPROVAL, RunState.ACTING);
            step = step.approved(needs.action(), needs.risk(), needs.payload());
            outcome = chain.proceed(step);
        }
        return outcome;
    }

    /** The action in plain words, and where what was found is not what the step looked for, why. */
    private static String summary(Outcome.NeedsApproval needs) {
        return needs.disagreement().map(why -> needs.action().describe() + ", which is not what the step looked for: "
                + why + ".").orElse(needs.action().describe());
    }

    private Optional<java.nio.file.Path> pictureOf(Action action) {
        try {
            return action.target().flatMap(picture);
        } catch (RuntimeException e) {
            LOG.warn("Could not take the approval's picture", e);
            return Optional.empty();
        }
    }

    private ApprovalDecision await(ApprovalRequest request) {
        CompletableFuture<ApprovalDecision> pending;
        try {
            pending = gate.request(request);
        } catch (RuntimeException e) {
            LOG.warn("The approval gate failed; taking it as no", e);
            return ApprovalDecision.reject("nobody (the approval could not be asked)", clock.instant());
        }
        try {
            Object first = CompletableFuture.anyOf(pending, control.whenCancelled()).get();
            if (first instanceof ApprovalDecision decision && pending.isDone()) {
                return decision;
            }
            pending.cancel(true);
            return ApprovalDecision.reject("cancelled (" + control.reason() + ")", clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return ApprovalDecision.reject("cancelled (interrupted)", clock.instant());
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            LOG.warn("The approval was not answered; taking it as no", e);
            return ApprovalDecision.reject("nobody (the approval was closed)", clock.instant());
        }
    }
}
