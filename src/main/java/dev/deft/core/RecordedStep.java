package dev.deft.core;

/**
 * One thing a person did while Deft watched, as the action that does it again.
 *
 * @param action the action, its target carrying every locator the recorder could find, best first
 * @param field  the label of the field typed into or chosen in, to name a parameter after; empty for other steps
 * @param secret whether what was typed is a secret (a password): the action then holds only a
 *               {@code {{secret:NAME}}} placeholder, never the value typed
 */
public record RecordedStep(Action action, String field, boolean secret) {
    public RecordedStep {
        Require.nonNull(action, "action");
        field = field == null ? "" : field.strip();
    }
}
