package dev.deft.core;

/**
 * Tokens a language model read and wrote. {@code cachedInput} is the part of {@code input} the provider served
 * from its prompt cache (zero where the provider does not say).
 */
public record TokenUsage(long input, long output, long cachedInput) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage {
        if (input < 0 || output < 0 || cachedInput < 0) {
            throw new IllegalArgumentException("token counts must not be negative, were " + input + "/" + output
                    + "/" + cachedInput);
        }
    }

    public TokenUsage plus(TokenUsage other) {
        return other == null ? this
                : new TokenUsage(input + other.input, output + other.output, cachedInput + other.cachedInput);
    }

    public long total() {
        return input + output;
    }
}
