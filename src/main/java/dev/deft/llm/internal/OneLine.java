package dev.deft.llm.internal;

/** A provider's own words, made fit for a one-line message. */
final class OneLine {
    private OneLine() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
