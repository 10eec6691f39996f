package dev.deft.core;

import java.util.Map;

/** Classifies an action deterministically, from the action, its target and what the surface shows around it. */
public interface RiskPolicy {

    RiskClass classify(Action action, Observation observation);

    /**
     * The exact values a person must see before approving the action — recipient, subject, amount, card — with
     * secrets masked. By default, what the action itself carries.
     */
    default Map<String, String> payload(Action action, Observation observation) {
        return ApprovalRequest.payloadOf(action);
    }
}
