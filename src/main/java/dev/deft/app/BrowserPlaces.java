package dev.deft.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.RunSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browser the person chose in config.json ({@code "browser": {"chromium", "chromedriver", "profile"}}); the
 * environment's {@code DEFT_CHROMIUM} and {@code DEFT_CHROMEDRIVER}, and a run's own flags, come before it.
 */
public record BrowserPlaces(Optional<String> chromium, Optional<String> chromedriver, Optional<String> profile) {
    public static final BrowserPlaces NONE = new BrowserPlaces(Optional.empty(), Optional.empty(), Optional.empty());

    static BrowserPlaces read(JsonNode browser) {
        return new BrowserPlaces(text(browser, "chromium"), text(browser, "chromedriver"), text(browser, "profile"));
    }

    /** {@code env} with the chosen browser and driver where it names none. */
    Map<String, String> under(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        chromium.ifPresent(path -> merged.putIfAbsent("DEFT_CHROMIUM", path));
        chromedriver.ifPresent(path -> merged.putIfAbsent("DEFT_CHROMEDRIVER", path));
        return merged;
    }

    /** The run with the chosen profile folder, unless it names its own or asks for none. */
    RunSpec applyTo(RunSpec spec) {
        if (profile.isEmpty() || spec.profile().isPresent() || spec.incognito()) {
            return spec;
        }
        return spec.toBuilder().profile(Path.of(profile.get())).incognito(false).build();
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }
}
