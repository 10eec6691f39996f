package dev.deft.ui;

import dev.deft.core.SkillBook;
import dev.deft.ui.RecordingWorkflow.State;
import dev.deft.ui.SkillsViewModel.Page;
import dev.deft.ui.SkillsViewModel.Shown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Skills tab: the skills Deft knows with how often each ran and succeeded (from the journal); a skill opens to a
 * form of its parameters to run it with, a way to rename a parameter, and Delete for the person's own. Record a skill
 * opens a browser, watches the person do the task once, and shows the parameters it found for review before saving.
 * It shows what {@link SkillsViewModel} decides and hands it the person's presses.
 */
final class SkillsView extends SplitPane {
    private final SkillsViewModel model;
    private final ListView<Shown> list;
    private final VBox detail = new VBox(14);
    private final Label notice = new Label();

    SkillsView(SkillsViewModel model) {
        this.model = model;
        getStyleClass().add("skills");
        TextField search = new TextField();
        search.setPromptText("Filter skills");
        search.setId("skills-search");
        model.filter().bind(search.textProperty());
        list = new ListView<>(model.skills());
        list.setId("skills-list");
        list.setCellFactory(view -> new SkillCell());
        list.setPlaceholder(new Label("No skills yet: record one."));
        list.getSelectionModel().selectedItemProperty().addListener((seen, before, now) -> {
            if (now != null) {
                model.choose(now);
            }
        });
        model.selected().addListener((InvalidationListener) seen -> {
            Shown chosen = model.selected().get();
            if (chosen == null) {
                list.getSelectionModel().clearSelection();
            } else if (chosen != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(chosen);
            }
        });
        Button record = new Button("Record a skill…");
        record.setId("record-skill");
        record.disableProperty().bind(model.canRecord().not());
        record.setOnAction(e -> model.newRecording());
        Label problems = new Label();
        problems.setId("skill-problems");
        problems.getStyleClass().addAll("caption", "header-note");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problems());
        problems.visibleProperty().bind(model.problems().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        VBox left = new VBox(8, record, search, list, problems);
        left.getStyleClass().add("history-list-pane");
        VBox.setVgrow(list, Priority.ALWAYS);

        notice.setId("skills-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.notice());
        detail.getStyleClass().add("skill-detail");
        ScrollPane scroller = new ScrollPane(detail);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("cards-scroller");
        getItems().addAll(left, scroller);
        setDividerPositions(0.34);
        // each page is built anew when the model shows one, as a person expects a form fresh
        model.page().addListener((InvalidationListener) seen -> show(model.page().get()));
        show(model.page().get());
    }

    /** Reads the skills and the journal's tallies again, in the background, keeping the selection where it can. */
    void refresh() {
        model.refresh();
    }

    /** Stops a recording under way, keeping nothing: the window is closing. */
    void close() {
        model.close();
    }

    private void show(Page page) {
        if (page instanceof Page.Skill skill) {
            detail.getChildren().setAll(skillPage(skill.shown()));
        } else if (page instanceof Page.NewRecording) {
            detail.getChildren().setAll(newRecordingPage());
        } else if (page instanceof Page.Recording recording) {
            detail.getChildren().setAll(recordingPage(recording.skill()));
        } else if (page instanceof Page.Review review) {
            detail.getChildren().setAll(reviewPage(review.skill(), review.parameters()));
        } else {
            Label words = new Label("Choose a skill on the left to run it with other values, or record a new one: Deft "
                    + "watches you do a task once in a browser, and does it again without a model.");
            words.getStyleClass().add("placeholder");
            words.setWrapText(true);
            detail.getChildren().setAll(words, notice);
        }
    }

    // ---- a skill: its form, renaming a parameter, deleting it

    private List<Node> skillPage(Shown shown) {
        SkillBook.Entry skill = shown.entry();
        Label name = new Label(skill.name());
        name.getStyleClass().add("timeline-title");
        name.setId("skill-name");
        Label origin = new Label(skill.builtIn() ? "built-in" : "yours");
        origin.getStyleClass().addAll("chip", skill.builtIn() ? "risk-read" : "state-done");
        HBox title = new HBox(10, name, origin);
        title.setAlignment(Pos.CENTER_LEFT);
        Label description = caption(skill.description().isBlank() ? "No description." : skill.description());
        Label runs = caption(shown.runsAndSteps());
        runs.setId("skill-runs");
        VBox asks = new VBox(4);
        skill.examples().forEach(example -> asks.getChildren().add(new Label("“" + example + "”")));

        Map<String, TextField> values = new LinkedHashMap<>();
        GridPane form = grid();
        for (SkillBook.Parameter parameter : skill.parameters()) {
            TextField value = new TextField(parameter.example());
            value.setId("skill-value-" + parameter.name());
            value.setPromptText(parameter.type().equals("secret") ? "the vault's name for it" : parameter.type());
            values.put(parameter.name(), value);
            form.addRow(form.getRowCount(), fieldLabel(parameter.name() + (parameter.required() ? " *" : ""), value),
                    value, caption(parameter.type() + (parameter.choices().isEmpty() ? ""
                            : ": " + String.join(", ", parameter.choices()))));
        }
        Button run = new Button("Run");
        run.setId("run-skill");
        run.getStyleClass().add("accent");
        run.setDefaultButton(true);
        run.setOnAction(e -> model.run(skill, texts(values)));
        Button delete = new Button("Delete…");
        delete.setId("delete-skill");
        delete.getStyleClass().add("danger");
        delete.setDisable(skill.builtIn());
        delete.setOnAction(e -> model.askToDelete(skill));
        HBox actions = new HBox(12, run, delete);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(14, title, description, runs);
        if (!asks.getChildren().isEmpty()) {
            content.getChildren().addAll(section("Ask for it like"), asks);
        }
        if (!skill.parameters().isEmpty()) {
            content.getChildren().addAll(section("Values"), form, renameRow(skill));
        }
        content.getChildren().addAll(actions, deleteConfirmation(skill.name()), notice);
        return List.of(content);
    }

    private Node renameRow(SkillBook.Entry skill) {
        ComboBox<String> which = new ComboBox<>(FXCollections.observableArrayList(
                skill.parameters().stream().map(SkillBook.Parameter::name).toList()));
        which.setId("rename-which");
        which.getSelectionModel().selectFirst();
        TextField to = new TextField();
        to.setId("rename-to");
        to.setPromptText("new name, e.g. recipient");
        Button rename = new Button("Rename");
        rename.setId("rename-parameter");
        rename.disableProperty().bind(to.textProperty().isEmpty());
        rename.setOnAction(e -> model.rename(skill.name(), which.getValue(), to.getText()));
        // Enter in the field renames; it must not reach Run, the form's default button
        to.setOnAction(e -> {
            e.consume();
            rename.fire();
        });
        HBox row = new HBox(8, caption("Rename"), which, caption("to"), to, rename);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(to, Priority.ALWAYS);
        return row;
    }

    /** Shown while the model waits for a yes to delete {@code skill}. */
    private Node deleteConfirmation(String skill) {
        Label question = new Label("Delete " + skill + "? Its file goes; its past runs stay in the history.");
        question.setWrapText(true);
        Button yes = new Button("Delete " + skill);
        yes.setId("confirm-delete");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> model.confirmDelete());
        Button keep = new Button("Keep it");
        keep.setOnAction(e -> model.keep());
        HBox buttons = new HBox(10, yes, keep);
        VBox box = new VBox(8, question, buttons);
        box.getStyleClass().add("settings-section");
        box.visibleProperty().bind(model.deleting().isEqualTo(skill));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // ---- recording a new skill: name and address, the recording, then its parameters for review

    private List<Node> newRecordingPage() {
        TextField name = new TextField();
        name.setId("record-name");
        name.setPromptText("lower-case words joined by '-', e.g. send-email");
        TextField address = new TextField();
        address.setId("record-url");
        address.setPromptText("https://… where the task starts");
        Button start = new Button("Start recording");
        start.setId("start-recording");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(name.textProperty().isEmpty().or(address.textProperty().isEmpty())
                .or(model.isRecordingState(State.OPENING)));
        start.setOnAction(e -> model.startRecording(name.getText(), address.getText()));
        GridPane form = grid();
        form.addRow(0, fieldLabel("Name", name), name);
        form.addRow(1, fieldLabel("Start at", address), address);
        return List.of(section("Record a skill"), caption("Deft opens a browser at the address and watches "
                + "what you click, type and choose. The values you type become the skill's parameters; passwords are "
                + "never kept, only a name for them in the vault."), form, start, notice);
    }

    private List<Node> recordingPage(String skill) {
        Button stop = new Button("Stop and review");
        stop.setId("stop-recording");
        stop.getStyleClass().add("accent");
        stop.disableProperty().bind(model.isRecordingState(State.RECORDING).not());
        stop.setOnAction(e -> model.stopRecording());
        HBox buttons = new HBox(12, stop, discardButton());
        return List.of(section("Recording " + skill), caption("Do the task in the browser window that "
                + "opened, as you always do it. Then come back and press Stop and review."), buttons, notice);
    }

    private List<Node> reviewPage(String skill, List<SkillBook.Parameter> parameters) {
        Map<String, TextField> names = new LinkedHashMap<>();
        GridPane form = grid();
        form.addRow(0, caption("Recorded value"), caption("Parameter name"), caption("Type"));
        for (SkillBook.Parameter parameter : parameters) {
            TextField name = new TextField(parameter.name());
            name.setId("review-name-" + parameter.name());
            names.put(parameter.name(), name);
            Label value = new Label(parameter.type().equals("secret") ? "a secret (kept in the vault as "
                    + parameter.example() + ")" : "“" + parameter.example() + "”");
            value.setWrapText(true);
            form.addRow(form.getRowCount(), value, name, caption(parameter.type()));
        }
        Button save = new Button("Save skill");
        save.setId("save-recording");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.isRecordingState(State.REVIEWING).not());
        save.setOnAction(e -> model.saveRecording(texts(names)));
        HBox buttons = new HBox(12, save, discardButton());
        return List.of(section("Review " + skill),
                caption(parameters.isEmpty() ? "The recording has no values to vary: the skill will do exactly what you did."
                        : "These values become the skill's parameters. Give each a name you would say when asking for it; "
                        + "a request like “" + skill.replace('-', ' ') + " …” fills them in."),
                form, buttons, notice);
    }

    private Button discardButton() {
        Button discard = new Button("Discard");
        discard.setId("discard-recording");
        discard.disableProperty().bind(model.canDiscard().not());
        discard.setOnAction(e -> model.discardRecording());
        return discard;
    }

    private static Map<String, String> texts(Map<String, TextField> fields) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((name, field) -> texts.put(name, field.getText()));
        return texts;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints first = new ColumnConstraints(190);
        ColumnConstraints second = new ColumnConstraints();
        second.setHgrow(Priority.ALWAYS);
        second.setFillWidth(true);
        ColumnConstraints third = new ColumnConstraints(90);
        grid.getColumnConstraints().addAll(first, second, third);
        return grid;
    }

    private static Label fieldLabel(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        return label;
    }

    /** A skill in the list: its name, then where it comes from and how its runs went. */
    private static final class SkillCell extends ListCell<Shown> {
        SkillCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Shown shown, boolean empty) {
            super.updateItem(shown, empty);
            if (empty || shown == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(shown.entry().name());
            name.getStyleClass().add("history-request");
            Label meta = new Label((shown.entry().builtIn() ? "built-in · " : "") + shown.runs());
            meta.getStyleClass().add("caption");
            Label description = new Label(shown.entry().description());
            description.getStyleClass().add("caption");
            description.setWrapText(true);
            description.setMaxHeight(36);
            setGraphic(new VBox(3, name, description, meta));
            setText(null);
            setAccessibleText(shown.entry().name() + ", " + shown.runs());
        }
    }
}
