package dev.deft.core;

import java.util.regex.Pattern;

/**
 * Puts secrets into text at the last moment and takes them out of anything that leaves an actuator.
 * Requests, skills, plans, events and the journal only ever hold the placeholder {@code {{secret:NAME}}}.
 */
public interface Secrets {

    /** {@code {{secret:NAME}}}, with NAME in group 1. */
    Pattern PLACEHOLDER = Pattern.compile("\\{\\{secret:([A-Za-z0-9_.-]+)}}");

    /**
     * The text with each placeholder replaced by its secret's value; for an actuator, at the moment of acting.
     *
     * @throws DeftException when a named secret is not in the vault (the message says how to add it)
     */
    String reveal(String text);

    /** The text with every secret value that appears in it replaced by its placeholder. */
    String mask(String text);

    static boolean hasPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** No secrets at all: placeholders cannot be revealed, and nothing needs masking. */
    Secrets NONE = new Secrets() {
        @Override
        public String reveal(String text) {
            var placeholder = PLACEHOLDER.matcher(text);
            if (placeholder.find()) {
                throw new DeftException("No secret named \"" + placeholder.group(1) + "\" is in the vault; add it with: "
                        + "deft secrets set " + placeholder.group(1));
            }
            return text;
        }

        @Override
        public String mask(String text) {
            return text;
        }
    };
}
