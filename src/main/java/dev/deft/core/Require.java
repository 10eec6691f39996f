package dev.deft.core;

import java.util.Objects;

/** Argument checks at public boundaries, with messages that name the argument. */
public final class Require {
    private Require() {
    }

    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** The value stripped of surrounding white space; refuses null and blank. */
    public static String nonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
