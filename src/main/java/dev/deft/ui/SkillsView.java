package dev.deft.ui;

import dev.deft.core.RunJournal;
import dev.deft.core.RunJournal.SkillTally;
import dev.deft.core.SkillBook;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
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
 */
final class SkillsView extends SplitPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** A skill as the list shows it, with its runs from the journal. */
    record Shown(SkillBook.Entry entry, Optional<SkillTally> tally) {
        String runs() {
            return tally.map(t -> t.done() + " of " + t.runs() + (t.runs() == 1 ? " run" : " runs") + " done")
                    .orElse("not run yet");
        }
    }

    private record Loaded(List<SkillBook.Entry> skills, List<String> problems, Map<String, SkillTally> tallies) {
    }

    private final SkillShelf shelf;
    private final RunJournal journal;
    private final BackgroundTasks tasks;
    private final BiFunction<String, RunController.Task, Optional<String>> runner;
    private final ObservableList<Shown> skills = FXCollections.observableArrayList();
    private final FilteredList<Shown> filtered = new FilteredList<>(skills);
    private final ListView<Shown> list = new ListView<>(filtered);
    private final Label problems = new Label();
    private final VBox detail = new VBox(14);
    private final Label notice = new Label();
    private final Button record = new Button("Record a skill…");
    /** The recording under way, once its browser is open (JavaFX thread). */
    private SkillShelf.Recording recording;
    /** Whether a recording's browser is being opened (JavaFX thread). */
    private boolean starting;
    /** Whether the window is closing: a recording that opens now is closed at once. */
    private volatile boolean closed;

    /** @param runner starts a run shown in the Run tab, as the controller does; empty when it started, else why not */
    SkillsView(SkillShelf shelf, RunJournal journal, BackgroundTasks tasks,
               BiFunction<String, RunController.Task, Optional<String>> runner) {
        this.shelf = shelf;
        this.journal = journal;
        this.tasks = tasks;
        this.runner = runner;
        getStyleClass().add("skills");
        TextField search = new TextField();
        search.setPromptText("Filter skills");
        search.setId("skills-search");
        search.textProperty().addListener((seen, before, now) -> {
            String wanted = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(s -> wanted.isEmpty() || (s.entry().name() + " " + s.entry().description() + " "
                    + String.join(" ", s.entry().examples())).toLowerCase(Locale.ROOT).contains(wanted));
        });
        list.setId("skills-list");
        list.setCellFactory(view -> new SkillCell());
        list.setPlaceholder(new Label("No skills yet: record one."));
        list.getSelectionModel().selectedItemProperty().addListener((seen, before, now) -> {
            if (now != null && recording == null) {
                showSkill(now);
            }
        });
        record.setId("record-skill");
        record.setOnAction(e -> showNewRecording());
        problems.setId("skill-problems");
        problems.getStyleClass().addAll("caption", "header-note");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.visibleProperty());
        VBox left = new VBox(8, record, search, list, problems);
        left.getStyleClass().add("history-list-pane");
        VBox.setVgrow(list, Priority.ALWAYS);

        notice.setId("skills-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        detail.getStyleClass().add("skill-detail");
        ScrollPane scroller = new ScrollPane(detail);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("cards-scroller");
        getItems().addAll(left, scroller);
        setDividerPositions(0.34);
        showPlaceholder();
    }

    /** Reads the skills and the journal's tallies again, in the background, keeping the selection where it can. */
    void refresh() {
        refresh(() -> { });
    }

    /** Like {@link #refresh()}, then runs {@code then} on the JavaFX thread. */
    private void refresh(Runnable then) {
        tasks.run(() -> new Loaded(shelf.book().skills(), shelf.book().problems(), journal.skillTallies()), loaded -> {
            Shown selected = list.getSelectionModel().getSelectedItem();
            skills.setAll(loaded.skills().stream()
                    .map(entry -> new Shown(entry, Optional.ofNullable(loaded.tallies().get(entry.name())))).toList());
            problems.setText(loaded.problems().isEmpty() ? "" : (loaded.problems().size() == 1 ? "A skill file did not load: "
                    : loaded.problems().size() + " skill files did not load: ") + String.join("; ", loaded.problems()));
            problems.setVisible(!loaded.problems().isEmpty());
            if (selected != null) {
                select(selected.entry().name());
            }
            then.run();
        }, notice::setText);
    }

    private void select(String name) {
        skills.stream().filter(s -> s.entry().name().equals(name)).findFirst().ifPresentOrElse(s -> {
            list.getSelectionModel().select(s);
            if (recording == null) {
                showSkill(s);
            }
        }, this::showPlaceholder);
    }

    private void showPlaceholder() {
        Label words = new Label("Choose a skill on the left to run it with other values, or record a new one: Deft "
                + "watches you do a task once in a browser, and does it again without a model.");
        words.getStyleClass().add("placeholder");
        words.setWrapText(true);
        detail.getChildren().setAll(words, notice);
    }

    // ---- a skill: its form, renaming a parameter, deleting it

    private void showSkill(Shown shown) {
        SkillBook.Entry skill = shown.entry();
        Label name = new Label(skill.name());
        name.getStyleClass().add("timeline-title");
        name.setId("skill-name");
        Label origin = new Label(skill.builtIn() ? "built-in" : "yours");
        origin.getStyleClass().addAll("chip", skill.builtIn() ? "risk-read" : "state-done");
        HBox title = new HBox(10, name, origin);
        title.setAlignment(Pos.CENTER_LEFT);
        Label description = caption(skill.description().isBlank() ? "No description." : skill.description());
        Label runs = caption(shown.tally().map(t -> "Done " + t.done() + " of " + t.runs() + (t.runs() == 1 ? " run" : " runs")
                + t.lastRun().map(at -> ", last run " + WHEN.format(at)).orElse("") + ".").orElse("Not run yet.")
                + " " + skill.steps() + (skill.steps() == 1 ? " step." : " steps."));
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
        run.setOnAction(e -> run(skill, values));
        Button delete = new Button("Delete…");
        delete.setId("delete-skill");
        delete.getStyleClass().add("danger");
        delete.setDisable(skill.builtIn());
        HBox actions = new HBox(12, run, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox confirm = new VBox();
        delete.setOnAction(e -> confirm.getChildren().setAll(deleteConfirmation(skill.name(), confirm)));

        VBox content = new VBox(14, title, description, runs);
        if (!asks.getChildren().isEmpty()) {
            content.getChildren().addAll(section("Ask for it like"), asks);
        }
        if (!skill.parameters().isEmpty()) {
            content.getChildren().addAll(section("Values"), form, renameRow(skill));
        }
        content.getChildren().addAll(actions, confirm, notice);
        notice.setText("");
        detail.getChildren().setAll(content);
    }

    private void run(SkillBook.Entry skill, Map<String, TextField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!field.getText().isBlank()) {
                values.put(name, field.getText().strip());
            }
        });
        StringBuilder title = new StringBuilder("skill ").append(skill.name());
        values.forEach((name, value) -> title.append(' ').append(name).append('=')
                .append(SkillShelf.isSecret(skill, name) ? SkillShelf.SECRET_SHOWN : value));
        runner.apply(title.toString(), (gate, listener, control) -> shelf.run(skill.name(), values, gate, listener, control))
                .ifPresent(notice::setText);
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
        rename.setOnAction(e -> {
            String from = which.getValue();
            String name = to.getText().strip();
            tasks.run(() -> shelf.book().renameParameter(skill.name(), from, name), renamed -> refresh(() ->
                    notice.setText("Renamed " + from + " to " + name + "; the skill is at a new revision.")),
                    notice::setText);
        });
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

    private Node deleteConfirmation(String skill, VBox holder) {
        Label question = new Label("Delete " + skill + "? Its file goes; its past runs stay in the history.");
        question.setWrapText(true);
        Button yes = new Button("Delete " + skill);
        yes.setId("confirm-delete");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> tasks.run(() -> shelf.book().delete(skill), gone -> {
            holder.getChildren().clear();
            list.getSelectionModel().clearSelection();
            showPlaceholder();
            refresh(() -> notice.setText(gone ? "Deleted " + skill + "." : skill + " was no longer there."));
        }, notice::setText));
        Button keep = new Button("Keep it");
        keep.setOnAction(e -> holder.getChildren().clear());
        HBox buttons = new HBox(10, yes, keep);
        VBox box = new VBox(8, question, buttons);
        box.getStyleClass().add("settings-section");
        return box;
    }

    // ---- recording a new skill: name and address, the recording, then its parameters for review

    private void showNewRecording() {
        if (recording != null || starting) {
            return;
        }
        list.getSelectionModel().clearSelection();
        TextField name = new TextField();
        name.setId("record-name");
        name.setPromptText("lower-case words joined by '-', e.g. send-email");
        TextField address = new TextField();
        address.setId("record-url");
        address.setPromptText("https://… where the task starts");
        Button start = new Button("Start recording");
        start.setId("start-recording");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(name.textProperty().isEmpty().or(address.textProperty().isEmpty()));
        start.setOnAction(e -> {
            start.disableProperty().unbind();
            start.setDisable(true);
            notice.setText("Opening a browser…");
            String skill = name.getText().strip();
            String at = address.getText().strip();
            starting = true;
            record.setDisable(true);
            tasks.run(() -> {
                SkillShelf.Recording opened = shelf.record(skill, at);
                if (closed) {
                    opened.close();
                    return null;
                }
                return opened;
            }, started -> {
                starting = false;
                if (started != null) {
                    recording = started;
                    showRecording(skill);
                }
            }, why -> {
                starting = false;
                record.setDisable(false);
                notice.setText(why);
                start.disableProperty().bind(name.textProperty().isEmpty().or(address.textProperty().isEmpty()));
            });
        });
        GridPane form = grid();
        form.addRow(0, fieldLabel("Name", name), name);
        form.addRow(1, fieldLabel("Start at", address), address);
        notice.setText("");
        detail.getChildren().setAll(section("Record a skill"), caption("Deft opens a browser at the address and watches "
                + "what you click, type and choose. The values you type become the skill's parameters; passwords are "
                + "never kept, only a name for them in the vault."), form, start, notice);
    }

    private void showRecording(String skill) {
        Button stop = new Button("Stop and review");
        stop.setId("stop-recording");
        stop.getStyleClass().add("accent");
        Button discard = discardButton();
        stop.setOnAction(e -> {
            stop.setDisable(true);
            discard.setDisable(true);
            SkillShelf.Recording now = recording;
            tasks.run(now::stop, parameters -> {
                if (recording == now) {
                    showReview(skill, parameters);
                }
            }, why -> {
                // the recording's browser is gone with it (nothing was recorded, or the browser failed): start anew
                finished(now);
                showNewRecording();
                notice.setText(why);
            });
        });
        HBox buttons = new HBox(12, stop, discard);
        notice.setText("");
        detail.getChildren().setAll(section("Recording " + skill), caption("Do the task in the browser window that "
                + "opened, as you always do it. Then come back and press Stop and review."), buttons, notice);
    }

    private void showReview(String skill, List<SkillBook.Parameter> parameters) {
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
        Button discard = discardButton();
        save.setOnAction(e -> {
            Map<String, String> renames = new LinkedHashMap<>();
            names.forEach((from, field) -> renames.put(from, field.getText().strip()));
            SkillShelf.Recording now = recording;
            save.setDisable(true);
            discard.setDisable(true);
            tasks.run(() -> now.save(renames), saved -> {
                finished(now);
                refresh(() -> {
                    select(saved.name());
                    notice.setText("Saved " + saved.name() + " with " + saved.steps() + " steps.");
                });
            }, why -> {
                notice.setText(why);
                save.setDisable(false);
                discard.setDisable(false);
            });
        });
        HBox buttons = new HBox(12, save, discard);
        notice.setText("");
        detail.getChildren().setAll(section("Review " + skill),
                caption(parameters.isEmpty() ? "The recording has no values to vary: the skill will do exactly what you did."
                        : "These values become the skill's parameters. Give each a name you would say when asking for it; "
                        + "a request like “" + skill.replace('-', ' ') + " …” fills them in."),
                form, buttons, notice);
    }

    private Button discardButton() {
        Button discard = new Button("Discard");
        discard.setId("discard-recording");
        discard.setOnAction(e -> {
            finished(recording);
            showPlaceholder();
        });
        return discard;
    }

    /** Lets go of a recording: its browser is closed in the background, and a new one may be started. */
    private void finished(SkillShelf.Recording done) {
        if (done != null && recording == done) {
            recording = null;
            tasks.run(() -> {
                done.close();
                return true;
            }, ok -> { }, notice::setText);
        }
        record.setDisable(false);
    }

    /** Stops a recording under way, keeping nothing: the window is closing. Its browser closes on a thread of its own. */
    void close() {
        closed = true;
        SkillShelf.Recording open = recording;
        recording = null;
        if (open != null) {
            new Thread(open::close, "deft-recording-close").start();
        }
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
