package dev.deft.llm;

import dev.deft.core.Require;
import java.util.Optional;

/**
 * One provider as {@code config.json} and the environment set it up.
 *
 * @param configured whether the person set this provider up (a key, or an address of their own), which is what
 *                   makes a hosted provider a candidate for planner {@code auto}
 */
public record ProviderConfig(String baseUrl, Optional<String> apiKey, Optional<String> model, Optional<Boolean> images,
                             boolean configured) {
    public ProviderConfig {
        baseUrl = Require.nonBlank(baseUrl, "baseUrl");
        apiKey = apiKey == null ? Optional.empty() : apiKey.filter(k -> !k.isBlank());
        model = model == null ? Optional.empty() : model.filter(m -> !m.isBlank());
        images = images == null ? Optional.empty() : images;
    }
}
