package dev.deft.ui;

import java.util.Map;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: a header (name, a note where something is missing, the theme switch) over four tabs — Run,
 * History, Settings, Skills — reached with Ctrl+1 to Ctrl+4; Ctrl+L goes to the prompt field.
 */
final class MainWindow {
    static final String TITLE = "Deft";

    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Label note = new Label();
    private final Button themeSwitch = new Button();
    private boolean shownOnce;

    MainWindow(RunPane run, HistoryView history, SettingsView settings, SkillsView skills, Runnable switchTheme) {
        ImageView logo = new ImageView(AppIcon.images().get(2));
        logo.setFitWidth(28);
        logo.setFitHeight(28);
        Label name = new Label("Deft");
        name.getStyleClass().add("brand");
        Label tagline = new Label("does what you ask, and asks before anything it cannot undo");
        tagline.getStyleClass().add("caption");
        note.getStyleClass().addAll("caption", "header-note");
        note.setWrapText(true);
        note.setMaxWidth(420);
        themeSwitch.getStyleClass().add("flat");
        themeSwitch.setId("theme-switch");
        themeSwitch.setTooltip(new Tooltip("Switch between the light and dark themes"));
        themeSwitch.setOnAction(e -> switchTheme.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, logo, name, tagline, grow, note, themeSwitch);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");

        Tab runTab = tab("Run");
        runTab.setContent(run);
        Tab historyTab = tab("History");
        Tab settingsTab = tab("Settings");
        Tab skillsTab = tab("Skills");
        tabs.getTabs().addAll(runTab, historyTab, settingsTab, skillsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a tab's content joins the window when the tab is first shown: the first window has only the Run tab to
        // style and lay out, which is most of its start-up
        Map<Tab, Node> later = Map.of(historyTab, history, settingsTab, settings, skillsTab, skills);
        tabs.getSelectionModel().selectedItemProperty().addListener((seen, before, now) -> {
            if (now != null && now.getContent() == null) {
                now.setContent(later.get(now));
            }
            if (now == historyTab) {
                history.refresh();
            } else if (now == settingsTab) {
                settings.load();
            } else if (now == skillsTab) {
                skills.refresh();
            }
        });

        BorderPane root = new BorderPane(tabs);
        root.setTop(new VBox(header));
        root.getStyleClass().add("main-window");
        Scene scene = new Scene(root, 1180, 820);
        scene.getStylesheets().add(DeftUi.STYLESHEET);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(runTab));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(historyTab));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(settingsTab));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(skillsTab));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(runTab);
            run.focusPrompt();
        });
        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.setScene(scene);
    }

    private static Tab tab(String title) {
        Tab tab = new Tab(title);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    /** Says what is missing (no tray, no hotkeys) in the header; blank says nothing. */
    void note(String text) {
        note.setText(text);
    }

    void themeIs(boolean dark) {
        themeSwitch.setText(dark ? "Light theme" : "Dark theme");
    }

    void select(int tab) {
        tabs.getSelectionModel().select(tab);
    }

    void show() {
        boolean first = !shownOnce;
        shownOnce = true;
        stage.show();
        if (first) {
            sizeToSceneOnceFramed();
        }
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * Asks again for the scene's size once the window manager has put its frame around the window. Under a window
     * manager the first titled window of the process would otherwise open at its minimum size: JavaFX 21's GTK glass
     * takes the manager's first configure, which still has the size of the unmapped window (GTK's 200×200, raised to
     * the minimum), for the window's size, and asks for that size again when the frame's extents arrive, after the
     * scene's size was asked for. A size asked for once the frame is known is kept. Without a window manager there is
     * no frame, and the size asked for before {@code show()} holds.
     */
    private void sizeToSceneOnceFramed() {
        InvalidationListener whenFramed = new InvalidationListener() {
            @Override
            public void invalidated(Observable changed) {
                if (framed()) {
                    stage.widthProperty().removeListener(this);
                    stage.heightProperty().removeListener(this);
                    // after the glass's own request for the size it had, which it makes as it learns of the frame
                    Platform.runLater(stage::sizeToScene);
                }
            }
        };
        if (framed()) {
            Platform.runLater(stage::sizeToScene);
        } else {
            stage.widthProperty().addListener(whenFramed);
            stage.heightProperty().addListener(whenFramed);
        }
    }

    /** Whether the window is bigger than its scene: the window manager's frame is around it. */
    private boolean framed() {
        return stage.getWidth() > stage.getScene().getWidth() || stage.getHeight() > stage.getScene().getHeight();
    }

    Stage stage() {
        return stage;
    }
}
