package dev.deft.core;

import java.util.Map;

/**
 * What a person is asked to approve: one action with one exact payload.
 *
 * @param summary what will happen, in plain words
 * @param payload the exact values that will be sent (recipient, amount, message…), secrets already masked
 */
public record ApprovalRequest(String run, int step, Action action, RiskClass risk, String surface, String summary,
                              Map<String, String> payload) {
    public ApprovalRequest {
        Require.nonNull(run, "run");
        Require.nonNull(action, "action");
        Require.nonNull(risk, "risk");
        surface = surface == null ? "none" : surface;
        summary = summary == null || summary.isBlank() ? action.describe() : summary;
        payload = Map.copyOf(payload == null ? Map.of() : payload);
    }
}
