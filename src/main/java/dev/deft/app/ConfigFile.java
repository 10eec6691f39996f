package dev.deft.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.ui.Settings;
import dev.deft.ui.SettingsStore;
import dev.deft.ui.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The window's Settings in config.json: {@code llm.provider}, {@code llm.model}, {@code browser.*},
 * {@code hotkeys.prompt}, {@code hotkeys.stop}, {@code sites.allow}, {@code sites.deny} and {@code ui.theme}.
 * Saving keeps every other key of the file as it was, writes it whole (a crash leaves the old file or the new one),
 * and has the workspace read it again.
 */
final class ConfigFile implements SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final DeftWorkspace workspace;
    private final ModelCheck check;

    ConfigFile(Path file, DeftWorkspace workspace, ModelCheck check) {
        this.file = file;
        this.workspace = workspace;
        this.check = check;
    }

    @Override
    public Settings load() {
        ObjectNode root = read();
        JsonNode llm = root.path("llm");
        JsonNode browser = root.path("browser");
        JsonNode hotkeys = root.path("hotkeys");
        JsonNode sites = root.path("sites");
        Theme theme;
        try {
            theme = Theme.valueOf(root.path("ui").path("theme").asText("system").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            theme = Theme.SYSTEM;
        }
        return new Settings(llm.path("provider").asText(""), llm.path("model").asText(""),
                browser.path("chromium").asText(""), browser.path("chromedriver").asText(""),
                browser.path("profile").asText(""), hotkeys.path("prompt").asText(""), hotkeys.path("stop").asText(""),
                strings(sites.path("allow")), strings(sites.path("deny")), theme);
    }

    @Override
    public synchronized void save(Settings settings) {
        ObjectNode root = read();
        ObjectNode llm = object(root, "llm");
        put(llm, "provider", settings.provider().equals("auto") ? "" : settings.provider());
        put(llm, "model", settings.model());
        ObjectNode browser = object(root, "browser");
        put(browser, "chromium", settings.chromium());
        put(browser, "chromedriver", settings.chromedriver());
        put(browser, "profile", settings.profile());
        ObjectNode hotkeys = object(root, "hotkeys");
        hotkeys.put("prompt", settings.promptHotkey());
        hotkeys.put("stop", settings.stopHotkey());
        ObjectNode sites = object(root, "sites");
        sites.set("allow", array(settings.allowSites()));
        sites.set("deny", array(settings.denySites()));
        object(root, "ui").put("theme", settings.theme().name().toLowerCase(Locale.ROOT));
        for (String emptied : List.of("llm", "browser")) {
            if (root.path(emptied).isEmpty()) {
                root.remove(emptied);
            }
        }
        write(root);
        workspace.reloadConfiguration();
    }

    @Override
    public String testModel(Settings settings) {
        ObjectNode root = read();
        ObjectNode llm = object(root, "llm");
        put(llm, "provider", settings.provider().equals("auto") ? "" : settings.provider());
        put(llm, "model", settings.model());
        return check.check(root, file);
    }

    /** Whether the model the saved settings choose answers. Slow. */
    ModelCheck.Answer checkSavedModel() {
        return check.answer(read(), file);
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new DeftException.Configuration("The configuration " + file + " must hold one JSON object.");
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            throw new DeftException.Configuration("Cannot read the configuration " + file + ": "
                    + Brief.firstLine(e.getMessage(), e.getClass().getSimpleName()) + ". Fix it or move it away.", e);
        }
    }

    private void write(ObjectNode root) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), ".config", ".json");
            JSON.writeValue(fresh.toFile(), root);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DeftException.Configuration("Cannot write the configuration " + file + ": "
                    + Brief.firstLine(e.getMessage(), e.getClass().getSimpleName()), e);
        }
    }

    private static ObjectNode object(ObjectNode root, String key) {
        return root.path(key).isObject() ? (ObjectNode) root.get(key) : root.putObject(key);
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value == null || value.isBlank()) {
            node.remove(key);
        } else {
            node.put(key, value.strip());
        }
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        }
        return values;
    }
}
