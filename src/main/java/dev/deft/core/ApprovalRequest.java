package dev.deft.core;

import java.util.Map;

/**
 * What a person is asked to approve: one action with one exact payload.
 *
 * @param summary what will happen, in plain words
 * @param payload the exact values that will be sent (recipient, amount, message…), secrets already masked
 * @param picture the surface as it is, with what the action acts on outlined, where the surface can show it
 */
public record ApprovalRequest(String run, int step, Action action, RiskClass risk, String surface, String summary,
                              Map<String, String> payload, java.util.Optional<java.nio.file.Path> picture) {
    public ApprovalRequest(String run, int step, Action action, RiskClass risk, String surface, String summary,
                           Map<String, String> payload) {
        this(run, step, action, risk, surface, summary, payload, java.util.Optional.empty());
    }

    public ApprovalRequest {
        picture = picture == null ? java.util.Optional.empty() : picture;
        Require.nonNull(run, "run");
        Require.nonNull(action, "action");
        Require.nonNull(risk, "risk");
        surface = surface == null ? "none" : surface;
        summary = summary == null || summary.isBlank() ? action.describe() : summary;
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload == null ? Map.of() : payload));
    }

    /** The values the action itself carries: its target, the text it types, the option it picks, the address. */
    public static Map<String, String> payloadOf(Action action) {
        Map<String, String> payload = new java.util.LinkedHashMap<>();
        action.target().ifPresent(target -> payload.put("target", target.toString()));
        if (action instanceof Action.OpenUrl open) {
            payload.put("url", open.url());
        } else if (action instanceof Action.Type type) {
            payload.put("text", type.text());
        } else if (action instanceof Action.Select select) {
            payload.put("option", select.option());
        } else if (action instanceof Action.PressKey key) {
            payload.put("keys", key.keys());
        } else if (action instanceof Action.Launch launch) {
            payload.put("application", launch.application());
        } else if (action instanceof Action.FocusWindow focus) {
            payload.put("window", focus.title());
        } else if (action instanceof Action.Drag drag) {
            payload.put("to", drag.to().toString());
        } else if (action instanceof Action.Upload upload) {
            payload.put("file", upload.file());
        } else if (action instanceof Action.CallTool call) {
            payload.put("server", call.server());
            payload.put("tool", call.tool());
            payload.put("arguments", call.arguments());
        } else if (action instanceof Action.RunSkill skill) {
            skill.parameters().forEach((name, value) -> payload.put("parameter " + name, value));
        }
        return payload;
    }
}
