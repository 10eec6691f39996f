package dev.deft.llm.internal;

/**
 * An error a provider reported, as status and its own words: from an HTTP status with a JSON body, or from an error
 * event in the middle of a stream (where {@code status} is what the error type would have had over HTTP).
 */
public final class ProviderError extends RuntimeException {
    private final int status;
    private final String type;

    public ProviderError(int status, String type, String message) {
        super(message == null ? "" : message);
        this.status = status;
        this.type = type == null ? "" : type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public boolean retriable() {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }
}
