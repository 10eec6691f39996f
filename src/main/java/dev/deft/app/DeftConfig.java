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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.deft.core.RiskClass;
import dev.deft.mcp.ServerSettings;
import dev.deft.safety.RiskRule;

/**
 * The settings in {@code config.json}, with the environment's {@code DEFT_*} variables over them. A missing file is
 * an empty one; a malformed file is a one-line error naming the file and the place.
 *
 * @param stepTimeout {@code stepTimeoutSeconds} / {@code DEFT_STEP_TIMEOUT_SECONDS}
 * @param runTimeout  {@code runTimeoutMinutes} / {@code DEFT_RUN_TIMEOUT_MINUTES}
 * @param allowSites  {@code sites.allow}: when not empty, the only hosts Deft acts on
 * @param denySites   {@code sites.deny}: hosts Deft never acts on
 * @param riskRules   {@code riskRules}: the person's own rules, e.g. {@code {"site": "bank.example", "class": "PAY"}}
 * @param mcpServers  {@code mcpServers}: MCP servers whose tools the model planner may use (docs/MCP.md)
 * @param browser     {@code browser}: the browser, its driver and the profile folder, where the person chose them
 */
public record DeftConfig(Duration stepTimeout, Duration runTimeout, List<String> allowSites, List<String> denySites,
                         List<RiskRule> riskRules, ModelSettings models, List<ServerSettings> mcpServers,
                         BrowserPlaces browser) {

    public static DeftConfig load(Path file, Map<String, String> env) {
        JsonNode root = read(file);
        long stepSeconds = number(env, "DEFT_STEP_TIMEOUT_SECONDS", root, "stepTimeoutSeconds",
                RunLimits.defaults().stepTimeout().toSeconds(), file);
        long runMinutes = number(env, "DEFT_RUN_TIMEOUT_MINUTES", root, "runTimeoutMinutes",
                RunLimits.defaults().runTimeout().toMinutes(), file);
        return new DeftConfig(Duration.ofSeconds(stepSeconds), Duration.ofMinutes(runMinutes),
                strings(root.path("sites").path("allow"), "sites.allow", file),
                strings(root.path("sites").path("deny"), "sites.deny", file), riskRules(root.path("riskRules"), file),
                ModelSettings.read(root, env, file), McpServerConfig.read(root.path("mcpServers"), file),
                BrowserPlaces.read(root.path("browser")));
    }

    private static List<String> strings(JsonNode node, String key, Path file) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DeftException.Configuration("In " + file + ", \"" + key + "\" must be a list of host names.");
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static List<RiskRule> riskRules(JsonNode node, Path file) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DeftException.Configuration("In " + file + ", \"riskRules\" must be a list of rules.");
        }
        List<RiskRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String where = "In " + file + ", riskRules[" + i + "]";
            RiskClass risk;
            try {
                risk = RiskClass.valueOf(rule.path("class").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DeftException.Configuration(where + " needs a \"class\": one of READ, INPUT, SUBMIT, SEND, "
                        + "PAY, DELETE, ACCOUNT.");
            }
            try {
                rules.add(new RiskRule(risk, text(rule, "site"), text(rule, "url"),
                        text(rule, "words").map(w -> Pattern.compile(w, Pattern.CASE_INSENSITIVE))));
            } catch (IllegalArgumentException e) {
                throw new DeftException.Configuration(where + ": " + e.getMessage() + ".");
            }
        }
        return rules;
    }

    private static Optional<String> text(JsonNode rule, String key) {
        JsonNode value = rule.path(key);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
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
