package dev.deft.llm.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * What an error message needs to know about a provider: how to name it, which variables set its key and address,
 * and what to tell a person when the model is unknown or the host does not answer.
 */
public record ProviderFacts(String displayName, Optional<String> keyVariable, String addressVariable, String model,
                            String unknownModelHint, String unreachableHint, Duration timeout) {
}
