package dev.deft.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.core.DeftException;
import dev.deft.core.RunLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The settings in {@code config.json}, with the environment's {@code DEFT_*} variables over them. A missing file is
 * an empty one; a malformed file is a one-line error naming the file and the place.
 *
 * @param stepTimeout {@code stepTimeoutSeconds} / {@code DEFT_STEP_TIMEOUT_SECONDS}
 * @param runTimeout  {@code runTimeoutMinutes} / {@code DEFT_RUN_TIMEOUT_MINUTES}
 */
public record DeftConfig(Duration stepTimeout, Duration runTimeout, ModelSettings models,
                         Map<String, String> secrets) {
    private static final String SECRET_PREFIX = "DEFT_SECRET_";

    public static DeftConfig load(Path file, Map<String, String> env) {
        JsonNode root = read(file);
        long stepSeconds = number(env, "DEFT_STEP_TIMEOUT_SECONDS", root, "stepTimeoutSeconds",
                RunLimits.defaults().stepTimeout().toSeconds(), file);
        long runMinutes = number(env, "DEFT_RUN_TIMEOUT_MINUTES", root, "runTimeoutMinutes",
                RunLimits.defaults().runTimeout().toMinutes(), file);
        return new DeftConfig(Duration.ofSeconds(stepSeconds), Duration.ofMinutes(runMinutes),
                ModelSettings.read(root, env, file), secrets(env));
    }

    /**
     * Secrets from {@code DEFT_SECRET_<NAME>} variables, by lower-case name: only masked out of prompts for now (the
     * vault and the link that fills placeholders in at the moment of acting belong to the safety work).
     */
    private static Map<String, String> secrets(Map<String, String> env) {
        Map<String, String> secrets = new java.util.TreeMap<>();
        env.forEach((variable, value) -> {
            if (variable.startsWith(SECRET_PREFIX) && variable.length() > SECRET_PREFIX.length()
                    && value != null && value.length() >= 4) {
                secrets.put(variable.substring(SECRET_PREFIX.length()).toLowerCase(java.util.Locale.ROOT), value);
            }
        });
        return Map.copyOf(secrets);
    }

    public RunLimits limits(int maxSteps) {
        return RunLimits.defaults().withMaxSteps(maxSteps).withStepTimeout(stepTimeout).withRunTimeout(runTimeout);
    }

    private static JsonNode read(Path file) {
        if (!Files.exists(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new DeftException.Configuration("The configuration " + file + " must hold one JSON object.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new DeftException.Configuration("The configuration " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage() + ". Fix it or move it away.", e);
        } catch (IOException e) {
            throw new DeftException.Configuration("Cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
    }

    static long number(Map<String, String> env, String variable, JsonNode root, String key, long fallback,
                               Path file) {
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                long value = Long.parseLong(fromEnv.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new DeftException.Configuration(variable + " must be a positive whole number, was \"" + fromEnv + "\".");
        }
        JsonNode node = root.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToLong() || node.asLong() <= 0) {
            throw new DeftException.Configuration("In " + file + ", \"" + key + "\" must be a positive whole number, was " + node + ".");
        }
        return node.asLong();
    }
}
