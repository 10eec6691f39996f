package dev.deft.core;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every step whose class needs approval until a person says yes. No yes, no action: a refusal, a closed
 * card, a gate that fails and a cancelled run all end as {@link Outcome.Rejected}.
 */
final class ApprovalLink implements StepInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalLink.class);

    /** How often a payload that changed after a yes is asked again before the step is refused. */
    private static final int MAX_ASKS = 3;

    private final ApprovalGate gate;
    private final RiskPolicy policy;
    private final java.util.function.Supplier<Observation> surface;
    private final RunListener listener;
    private final Clock clock;
    private final RunControl control;
    private final RunLifecycle lifecycle;
    private final java.util.function.Function<Target, java.util.Optional<java.nio.file.Path>> picture;

    /**
     * @param surface observes the surface afresh, to see whether the payload changed after a yes
     * @param picture the surface with a target outlined, for the card
     */
    ApprovalLink(ApprovalGate gate, RiskPolicy policy, java.util.function.Supplier<Observation> surface,
                 java.util.function.Function<Target, java.util.Optional<java.nio.file.Path>> picture,
                 RunListener listener, Clock clock, RunControl control, RunLifecycle lifecycle) {
        this.picture = picture;
        this.gate = gate;
        this.policy = policy;
        this.surface = surface;
        this.listener = listener;
        this.clock = clock;
        this.control = control;
        this.lifecycle = lifecycle;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Step step = chain.step();
        if (!step.risk().needsApproval()) {
            return chain.proceed(step);
        }
        lifecycle.transition(RunState.ACTING, RunState.AWAITING_APPROVAL);
        Map<String, String> payload = payloadOn(step, step.before());
        for (int ask = 1; ; ask++) {
            ApprovalRequest request = new ApprovalRequest(step.run(), step.number(), step.action(), step.risk(),
                    step.before().surface(), step.action().describe(), payload, pictureOf(step.action()));
            listener.on(new RunEvent.ApprovalRequested(step.run(), clock.instant(), request));
            ApprovalDecision decision = await(request);
            listener.on(new RunEvent.ApprovalDecided(step.run(), decision.at(), step.number(), decision.approved(),
                    decision.by()));
            if (!decision.approved()) {
                return new Outcome.Rejected("Not approved: " + step.action().describe(), decision.by());
            }
            // A yes is for this payload only: if the page changed it meanwhile, the person is asked again.
            Map<String, String> now = payloadOn(step, observeQuietly());
            if (now.equals(payload)) {
                break;
            }
            if (ask == MAX_ASKS) {
                return new Outcome.Rejected("The payload kept changing after it was approved: "
                        + step.action().describe(), "Deft (payload changed after approval)");
            }
            LOG.info("The payload of step {} changed after approval; asking again", step.number());
            payload = now;
        }
        lifecycle.transition(RunState.AWAITING_APPROVAL, RunState.ACTING);
        return chain.proceed(step);
    }

    private Map<String, String> payloadOn(Step step, Observation observation) {
        try {
            return new LinkedHashMap<>(policy.payload(step.action(), observation));
        } catch (RuntimeException e) {
            LOG.warn("Could not work out the payload of step {}; showing the action's own", step.number(), e);
            return ApprovalRequest.payloadOf(step.action());
        }
    }

    private java.util.Optional<java.nio.file.Path> pictureOf(Action action) {
        try {
            return action.target().flatMap(picture);
        } catch (RuntimeException e) {
            LOG.warn("Could not take the approval's picture", e);
            return java.util.Optional.empty();
        }
    }

    private Observation observeQuietly() {
        try {
            return surface.get();
        } catch (RuntimeException e) {
            LOG.warn("Could not observe the surface after an approval", e);
            return Observation.NONE;
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
