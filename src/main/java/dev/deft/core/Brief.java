package dev.deft.core;

import java.time.Duration;
import java.util.Locale;

/** Messages kept to what a person reads at a glance: the first line of a long error, a time in seconds. */
public final class Brief {
    private Brief() {
    }

    /** The first line of {@code message}, cut to 200 characters; "no details" when there is none. */
    public static String firstLine(String message) {
        return firstLine(message, "no details", 200);
    }

    /** The first line of {@code message}, stripped, whole; {@code ifNone} when there is no message. */
    public static String firstLine(String message, String ifNone) {
        return firstLine(message, ifNone, Integer.MAX_VALUE);
    }

    /**
     * The first line of {@code message}, stripped and cut to {@code max} characters (with an ellipsis);
     * {@code ifNone} when there is no message.
     */
    public static String firstLine(String message, String ifNone, int max) {
        if (message == null || message.isBlank()) {
            return ifNone;
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** A duration as a person says it: "4 s", "2.5 s". */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
