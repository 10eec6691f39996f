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

    private final ApprovalGate gate;
    private final RunListener listener;
    private final Clock clock;
    private final RunControl control;
    private final RunLifecycle lifecycle;

    ApprovalLink(ApprovalGate gate, RunListener listener, Clock clock, RunControl control, RunLifecycle lifecycle) {
        this.gate = gate;
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
        ApprovalRequest request = new ApprovalRequest(step.run(), step.number(), step.action(), step.risk(),
                step.before().surface(), step.action().describe(), payloadOf(step.action()));
        lifecycle.transition(RunState.ACTING, RunState.AWAITING_APPROVAL);
        listener.on(new RunEvent.ApprovalRequested(step.run(), clock.instant(), request));
        ApprovalDecision decision = await(request);
        listener.on(new RunEvent.ApprovalDecided(step.run(), decision.at(), step.number(), decision.approved(),
                decision.by()));
        if (!decision.approved()) {
            return new Outcome.Rejected("Not approved: " + step.action().describe(), decision.by());
        }
        lifecycle.transition(RunState.AWAITING_APPROVAL, RunState.ACTING);
        return chain.proceed(step);
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

    /** The values a person must see before saying yes, as the action carries them. */
    static Map<String, String> payloadOf(Action action) {
        Map<String, String> payload = new LinkedHashMap<>();
        action.target().ifPresent(target -> payload.put("target", target.toString()));
        if (action instanceof Action.OpenUrl open) {
            payload.put("url", open.url());
        } else if (action instanceof Action.Type type) {
            payload.put("text", type.text());
        } else if (action instanceof Action.Select select) {
            payload.put("option", select.option());
        } else if (action instanceof Action.PressKey key) {
            payload.put("keys", key.keys());
        } else if (action instanceof Action.Upload upload) {
            payload.put("file", upload.file());
        } else if (action instanceof Action.RunSkill skill) {
            skill.parameters().forEach((name, value) -> payload.put("parameter " + name, value));
        }
        return payload;
    }
}
