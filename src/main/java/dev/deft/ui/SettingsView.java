package dev.deft.ui;

import dev.deft.core.Brief;
import dev.deft.core.Vault;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Settings tab: the model (with Test), the browser, the hotkeys, the sites Deft may and may not act on, the
 * theme, and the vault — secrets are added and removed here by name, and their values are never shown back.
 * Save writes config.json; blank fields mean Deft chooses.
 */
final class SettingsView extends ScrollPane {
    private final SettingsStore store;
    private final BackgroundTasks tasks;
    private final Supplier<Vault> vault;
    private final Consumer<Settings> applied;

    private final ComboBox<String> provider = new ComboBox<>(FXCollections.observableArrayList("auto", "ollama", "openai", "anthropic"));
    private final TextField model = field("model", "the provider's default");
    private final Label modelCheck = new Label();
    private final TextField chromium = field("chromium", "found by Deft (e.g. /usr/bin/chromium)");
    private final TextField chromedriver = field("chromedriver", "found by Deft (e.g. /usr/bin/chromedriver)");
    private final TextField profile = field("profile", "Deft's own profile in its data folder");
    private final TextField promptHotkey = field("prompt-hotkey", Settings.PROMPT_HOTKEY);
    private final TextField stopHotkey = field("stop-hotkey", Settings.STOP_HOTKEY);
    private final TextArea allow = area("allow-sites", "any site (one host a line)");
    private final TextArea deny = area("deny-sites", "none (one host a line)");
    private final ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
    private final Label saved = new Label();
    private final ListView<String> secrets = new ListView<>();
    private final TextField secretName = field("secret-name", "name, e.g. shop-password");
    private final PasswordField secretValue = new PasswordField();
    private final Label vaultNotice = new Label();

    SettingsView(SettingsStore store, BackgroundTasks tasks, Supplier<Vault> vault, Consumer<Settings> applied) {
        this.store = store;
        this.tasks = tasks;
        this.vault = vault;
        this.applied = applied;
        getStyleClass().add("settings");
        setFitToWidth(true);
        provider.setId("provider");
        theme.setId("theme");
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Theme fromString(String text) {
                return Arrays.stream(Theme.values()).filter(t -> t.label().equals(text)).findFirst().orElse(Theme.SYSTEM);
            }
        });

        Button test = new Button("Test");
        test.setId("test-model");
        test.setOnAction(e -> {
            modelCheck.setText("Asking the model…");
            Settings now = read();
            tasks.run(() -> store.testModel(now), modelCheck::setText, modelCheck::setText);
        });
        modelCheck.getStyleClass().add("notice");
        modelCheck.setWrapText(true);
        modelCheck.setId("model-check");
        HBox modelRow = new HBox(8, model, test);
        HBox.setHgrow(model, Priority.ALWAYS);

        Button save = new Button("Save");
        save.setId("save-settings");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        saved.setId("settings-notice");
        saved.getStyleClass().add("notice");
        saved.setWrapText(true);
        HBox saveRow = new HBox(12, save, saved);
        saveRow.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(20,
                section("Language model", "Deft works without one for the requests its command planner reads; "
                        + "a model does the rest.",
                        grid(row("Provider", provider), row("Model", modelRow), row("", modelCheck))),
                section("Browser", "Leave blank and Deft finds Chromium and chromedriver itself.",
                        grid(row("Chromium", chromium), row("chromedriver", chromedriver), row("Profile folder", profile))),
                section("Hotkeys", "Pressed anywhere on the desktop. Write them like ctrl+alt+space.",
                        grid(row("Show the prompt", promptHotkey), row("Stop the run (kill switch)", stopHotkey))),
                section("Sites", "With an allow list, Deft acts only on those hosts; never on the deny list.",
                        grid(row("Allow only", allow), row("Never", deny))),
                section("Appearance", "", grid(row("Theme", theme))),
                saveRow,
                section("Vault", "Secrets are kept encrypted; requests name them as {{secret:NAME}}. "
                        + "Their values are never shown again.", vaultPane()));
        content.getStyleClass().add("settings-content");
        setContent(content);
        // a field reached with Tab (or clicked by a test) scrolls into view; a ScrollPane does not do it by itself
        sceneProperty().addListener((seen, before, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((focus, was, now) -> reveal(now));
            }
        });
    }

    /** Scrolls so that {@code node}, when it is in this view, is in sight. */
    void reveal(Node node) {
        Node content = getContent();
        if (node == null || content == null || !isAncestor(node)) {
            return;
        }
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewHeight = getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) {
            return;
        }
        javafx.geometry.Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = (contentHeight - viewHeight) * getVvalue();
        if (bounds.getMinY() < top) {
            setVvalue(bounds.getMinY() / (contentHeight - viewHeight));
        } else if (bounds.getMaxY() > top + viewHeight) {
            setVvalue(Math.min(1, (bounds.getMaxY() - viewHeight + 8) / (contentHeight - viewHeight)));
        }
    }

    private boolean isAncestor(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == this) {
                return true;
            }
        }
        return false;
    }

    /** Fills the form from the store, read in the background. */
    void load() {
        tasks.run(store::load, this::show, saved::setText);
        refreshSecrets();
    }

    private void show(Settings settings) {
        provider.setValue(settings.provider());
        model.setText(settings.model());
        chromium.setText(settings.chromium());
        chromedriver.setText(settings.chromedriver());
        profile.setText(settings.profile());
        promptHotkey.setText(settings.promptHotkey());
        stopHotkey.setText(settings.stopHotkey());
        allow.setText(String.join("\n", settings.allowSites()));
        deny.setText(String.join("\n", settings.denySites()));
        theme.setValue(settings.theme());
    }

    private Settings read() {
        return new Settings(provider.getValue(), model.getText(), chromium.getText(), chromedriver.getText(),
                profile.getText(), promptHotkey.getText(), stopHotkey.getText(), lines(allow.getText()),
                lines(deny.getText()), theme.getValue());
    }

    private void save() {
        Settings settings = read();
        saved.setText("Saving…");
        tasks.run(() -> {
            store.save(settings);
            return settings;
        }, kept -> {
            try {
                applied.accept(kept);
                saved.setText("Saved. Runs from now on use these settings.");
            } catch (RuntimeException e) {
                saved.setText("Saved, but: " + Brief.firstLine(e.getMessage(), "unknown error"));
            }
            show(kept);
        }, saved::setText);
    }

    private Node vaultPane() {
        secrets.setId("secrets");
        secrets.setPrefHeight(140);
        secrets.setPlaceholder(new Label("No secrets yet."));
        secretValue.setId("secret-value");
        secretValue.setPromptText("value (hidden)");
        Button add = new Button("Add");
        add.setId("add-secret");
        add.setOnAction(e -> addSecret());
        secretValue.setOnAction(e -> addSecret());
        Button remove = new Button("Remove");
        remove.setId("remove-secret");
        remove.disableProperty().bind(secrets.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            String name = secrets.getSelectionModel().getSelectedItem();
            tasks.run(() -> vault.get().remove(name), gone -> {
                vaultNotice.setText("Removed " + name + ".");
                refreshSecrets();
            }, vaultNotice::setText);
        });
        vaultNotice.setId("vault-notice");
        vaultNotice.getStyleClass().add("notice");
        vaultNotice.setWrapText(true);
        HBox addRow = new HBox(8, secretName, secretValue, add, remove);
        HBox.setHgrow(secretName, Priority.ALWAYS);
        HBox.setHgrow(secretValue, Priority.ALWAYS);
        addRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, secrets, addRow, vaultNotice);
    }

    private void addSecret() {
        String name = secretName.getText().strip();
        String value = secretValue.getText();
        secretValue.clear();
        if (name.isEmpty() || value.isEmpty()) {
            vaultNotice.setText("Give the secret a name and a value.");
            return;
        }
        tasks.run(() -> {
            Vault.checkName(name);
            vault.get().put(name, value);
            return name;
        }, kept -> {
            secretName.clear();
            vaultNotice.setText("Kept " + kept + ". Use it as {{secret:" + kept + "}}.");
            refreshSecrets();
        }, vaultNotice::setText);
    }

    private void refreshSecrets() {
        tasks.run(() -> vault.get().names(), names -> secrets.getItems().setAll(names), why -> {
            secrets.getItems().clear();
            vaultNotice.setText(why);
        });
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static TextArea area(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(3);
        return area;
    }

    private static Node[] row(String label, Node control) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setLabelFor(control);
        return new Node[] {name, control};
    }

    private static GridPane grid(Node[]... rows) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints(190);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
        for (int i = 0; i < rows.length; i++) {
            grid.addRow(i, rows[i]);
            if (rows[i][1] instanceof javafx.scene.layout.Region region) {
                region.setMaxWidth(Double.MAX_VALUE);
            }
        }
        return grid;
    }

    private static Node section(String title, String note, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(8, heading);
        if (!note.isBlank()) {
            Label words = new Label(note);
            words.getStyleClass().add("caption");
            words.setWrapText(true);
            box.getChildren().add(words);
        }
        box.getChildren().add(body);
        box.getStyleClass().add("settings-section");
        return box;
    }
}
