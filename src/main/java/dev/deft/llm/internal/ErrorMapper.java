package dev.deft.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where a provider's failure becomes Deft's exception, with the one line a person reads: what
 * happened and what to do. Setting problems (key, model, address) are {@link DeftException.Configuration};
 * passing ones (rate limit, overload, timeout) are {@link DeftException.Retriable}.
 */
public final class ErrorMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderFacts facts;

    public ErrorMapper(ProviderFacts facts) {
        this.facts = facts;
    }

    /** The provider's error as it came: status, and type and message from the body when it is JSON. */
    public static ProviderError parse(int status, String body) {
        String type = "";
        String message = body == null ? "" : body;
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root != null && root.isObject()) {
                JsonNode error = root.path("error");
                if (error.isTextual()) {
                    message = error.asText();
                } else if (error.isObject()) {
                    message = error.path("message").asText(message);
                    type = error.path("type").asText(error.path("code").asText(""));
                    if (!error.path("code").asText("").isEmpty()) {
                        type = type + " " + error.path("code").asText();
                    }
                } else if (root.has("message")) {
                    message = root.path("message").asText();
                }
            }
        } catch (IOException notJson) {
            // the body's own words are the message
        }
        return new ProviderError(status, type.strip(), message);
    }

    /** The exception for an error the provider answered with (after the retries, for a passing one). */
    public DeftException map(ProviderError error, int tries) {
        int status = error.status();
        if (error.type().equals("unreadable")) {
            return unreadable(error.getMessage());
        }
        String words = OneLine.of(error.getMessage(), 160);
        String detail = words.isEmpty() ? String.valueOf(status) : status + ": " + words;
        String type = error.type().toLowerCase(Locale.ROOT);
        if (status == 401 || status == 403 || type.contains("authentication") || type.contains("permission")
                || type.contains("invalid_api_key")) {
            return new DeftException.Configuration(facts.keyVariable()
                    .map(variable -> subject() + " refused the key (" + detail + "): set " + variable
                            + " to a valid key.")
                    .orElse(subject() + " refused the request (" + detail + "): check "
                            + facts.addressVariable() + "."));
        }
        if (status == 404 && (words.toLowerCase(Locale.ROOT).contains("model") || type.contains("model"))) {
            return unknownModel(detail);
        }
        if (status == 404) {
            return new DeftException.Configuration(subject() + " has no such endpoint (" + detail
                    + "): check " + facts.addressVariable() + ".");
        }
        if (status == 429) {
            return new DeftException.Retriable(subject() + " is limiting how often Deft may ask ("
                    + detail + ") and still was after " + tries(tries) + ": wait a minute and try again.");
        }
        if (error.retriable()) {
            return new DeftException.Retriable(subject() + " failed (HTTP " + detail + ")"
                    + (tries > 1 ? " " + tries + " times in a row" : "") + ": try again later.");
        }
        if (words.toLowerCase(Locale.ROOT).matches(".*\\bmodel\\b.*(not found|does not exist|not exist|unknown).*")) {
            return unknownModel(detail);
        }
        return new DeftException(subject() + " refused the request (HTTP " + detail + ").");
    }

    private DeftException unknownModel(String detail) {
        return new DeftException.Configuration("The model \"" + facts.model() + "\" is not known to "
                + facts.displayName() + " (" + detail + "): " + facts.unknownModelHint() + ".");
    }

    /** The exception for a host that does not answer at all. */
    public DeftException unreachable(IOException cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : OneLine.of(cause.getMessage(), 100);
        return new DeftException.Configuration("Cannot reach " + facts.displayName() + " (" + why + "): "
                + facts.unreachableHint() + ".", cause);
    }

    /** The exception for a model that did not answer in time, however often it was asked. */
    public DeftException timedOut(int tries, IOException cause) {
        return new DeftException.Retriable(subject() + " did not answer within " + Brief.seconds(facts.timeout())
                + " (" + tries(tries) + "): try again, or raise \"timeoutSeconds\" under \"llm\" in config.json.", cause);
    }

    /** The exception for a server that asks to be left alone longer than Deft waits. */
    public DeftException waitTooLong(int status, Duration asked) {
        return new DeftException.Retriable(subject() + " asked Deft to wait " + Brief.seconds(asked)
                + " before trying again (HTTP " + status + "): try again later.");
    }

    /** The exception for a reply that is not the provider's format at all. */
    public DeftException unreadable(String what) {
        return new DeftException(subject() + " sent a reply Deft cannot read (" + OneLine.of(what, 120)
                + "): check that " + facts.addressVariable() + " points at the right kind of server.");
    }

    /** The provider's name at the start of a sentence. */
    private String subject() {
        String name = facts.displayName();
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String tries(int tries) {
        return tries == 1 ? "1 try" : tries + " tries";
    }
}
