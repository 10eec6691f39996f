package dev.deft.ui;

import dev.deft.core.RunJournal;
import dev.deft.core.RunJournal.RunSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The History tab: past runs from the journal, newest first, filtered as the person types; a run opens to its
 * timeline with screenshots, and Run again starts its request anew.
 */
final class HistoryView extends SplitPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final int SHOWN = 500;

    private final RunJournal journal;
    private final BackgroundTasks tasks;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final FilteredList<RunSummary> filtered = new FilteredList<>(runs);
    private final ListView<RunSummary> list = new ListView<>(filtered);
    private final TextField search = new TextField();
    private final TimelineView timeline = new TimelineView("Choose a run on the left to see its steps.", null);
    private final Label notice = new Label();
    private final Button again = new Button("Run again");

    HistoryView(RunJournal journal, BackgroundTasks tasks, Consumer<String> rerun) {
        this.journal = journal;
        this.tasks = tasks;
        getStyleClass().add("history");
        search.setPromptText("Search past requests");
        search.setId("history-search");
        search.textProperty().addListener((seen, before, now) -> filter(now));
        list.setId("history-list");
        list.setCellFactory(view -> new RunCell());
        list.setPlaceholder(new Label("No runs yet."));
        list.getSelectionModel().selectedItemProperty().addListener((seen, before, now) -> open(now));
        search.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        VBox left = new VBox(8, search, list);
        left.getStyleClass().add("history-list-pane");
        VBox.setVgrow(list, Priority.ALWAYS);

        again.setId("run-again");
        again.setDisable(true);
        again.setOnAction(e -> {
            RunSummary chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                rerun.accept(chosen.request());
            }
        });
        notice.getStyleClass().add("notice");
        HBox bar = new HBox(12, again, notice);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(12, bar, timeline);
        right.getStyleClass().add("history-detail");
        VBox.setVgrow(timeline, Priority.ALWAYS);
        getItems().addAll(left, right);
        setDividerPositions(0.36);
    }

    /** Reads the journal again, in the background, keeping the selection where it can. */
    void refresh() {
        tasks.run(() -> journal.recent(SHOWN), loaded -> {
            RunSummary selected = list.getSelectionModel().getSelectedItem();
            runs.setAll(loaded);
            if (selected != null) {
                runs.stream().filter(r -> r.id().equals(selected.id())).findFirst()
                        .ifPresent(r -> list.getSelectionModel().select(r));
            }
            notice.setText("");
        }, notice::setText);
    }

    private void filter(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(run -> wanted.isEmpty() || (run.request() + " " + run.summary() + " " + run.id()
                + " " + run.status().wire()).toLowerCase(Locale.ROOT).contains(wanted));
    }

    private void open(RunSummary run) {
        again.setDisable(run == null);
        if (run == null) {
            return;
        }
        tasks.run(() -> journal.find(run.id()), found -> found.map(RunSession::replay).ifPresentOrElse(timeline::show,
                () -> notice.setText("The run " + run.id() + " is no longer in the journal.")), notice::setText);
    }

    /** A run in the list: its request, then status, time and steps. */
    private static final class RunCell extends ListCell<RunSummary> {
        RunCell() {
            // the list's width decides the cell's, and a long request wraps instead of scrolling sideways
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RunSummary run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label request = new Label(run.request().replaceAll("\\s+", " ").strip());
            request.getStyleClass().add("history-request");
            request.setWrapText(true);
            request.setMaxHeight(44);
            Label status = new Label(run.status().wire());
            status.getStyleClass().addAll("chip", "run-" + run.status().name().toLowerCase(Locale.ROOT));
            Label meta = new Label(WHEN.format(run.startedAt()) + " · " + run.steps() + (run.steps() == 1 ? " step" : " steps"));
            meta.getStyleClass().add("caption");
            HBox line = new HBox(8, status, meta);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox cell = new VBox(4, request, line);
            setGraphic(cell);
            setText(null);
            setAccessibleText(run.request() + ", " + run.status().wire());
        }
    }
}
