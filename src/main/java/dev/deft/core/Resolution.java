package dev.deft.core;

import java.util.Optional;

/**
 * What an actuator found for an action, just before acting on it: what the risk rules judge, and what a yes is for.
 *
 * @param bound        the action with its target narrowed to exactly what was found (an element's number with its
 *                     name, a point on the screen with the words there), so that acting on it again means the same
 *                     thing; the action itself where it acts on nothing
 * @param seenOn       the surface as it was when the thing was found, which knows the facts about {@code bound}'s
 *                     target (its words, its role, the form it submits)
 * @param disagreement how what was found differs from what the action's target described (another kind of thing,
 *                     other words), for a person to read; empty when it agrees
 */
public record Resolution(Action bound, Observation seenOn, Optional<String> disagreement) {
    public Resolution {
        Require.nonNull(bound, "bound");
        seenOn = seenOn == null ? Observation.NONE : seenOn;
        disagreement = disagreement == null ? Optional.empty() : disagreement.filter(d -> !d.isBlank());
    }

    /** An action that is acted on as it is: nothing was looked for, or what was found is the action's own target. */
    public static Resolution of(Action action, Observation seenOn) {
        return new Resolution(action, seenOn, Optional.empty());
    }
}
