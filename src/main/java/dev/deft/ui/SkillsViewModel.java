package dev.deft.ui;

import dev.deft.core.RunJournal.SkillTally;
import dev.deft.core.SkillBook;
import dev.deft.ui.RecordingWorkflow.State;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Skills tab's view model: the skills with their runs from the journal, narrowed by the filter; the page the
 * tab shows beside them; a skill's run with the values of its form, the renaming of a parameter, a deletion once the
 * person confirms it; and the recording of a new skill, one at a time, along its {@link RecordingWorkflow}. It holds
 * no nodes: slow work goes through {@link BackgroundTasks}, and what it decides comes back as its properties
 * (JavaFX thread).
 */
final class SkillsViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** A skill as the list shows it, with its runs from the journal. */
    record Shown(SkillBook.Entry entry, Optional<SkillTally> tally) {
        String runs() {
            return tally.map(t -> t.done() + " of " + t.runs() + (t.runs() == 1 ? " run" : " runs") + " done")
                    .orElse("not run yet");
        }

        /** How its runs went and how long it is, as its page says it. */
        String runsAndSteps() {
            return tally.map(t -> "Done " + t.done() + " of " + t.runs() + (t.runs() == 1 ? " run" : " runs")
                    + t.lastRun().map(at -> ", last run " + WHEN.format(at)).orElse("") + ".").orElse("Not run yet.")
                    + " " + entry.steps() + (entry.steps() == 1 ? " step." : " steps.");
        }
    }

    /** What the tab shows beside the list. */
    sealed interface Page {
        /** What the tab is for, until a skill is chosen. */
        record Placeholder() implements Page {
        }

        /** A skill: its form to run it with, renaming a parameter, deleting it. */
        record Skill(Shown shown) implements Page {
        }

        /** The name and address a new recording starts with. */
        record NewRecording() implements Page {
        }

        /** The recording under way, with Stop and Discard. */
        record Recording(String skill) implements Page {
        }

        /** The parameters a stopped recording found, to be named before it is saved. */
        record Review(String skill, List<SkillBook.Parameter> parameters) implements Page {
            public Review {
                parameters = List.copyOf(parameters);
            }
        }
    }

    private record Loaded(List<SkillBook.Entry> skills, List<String> problems, Map<String, SkillTally> tallies) {
    }

    private final SkillShelf shelf;
    private final Supplier<Map<String, SkillTally>> tallies;
    private final BackgroundTasks tasks;
    private final BiFunction<String, RunController.Task, Optional<String>> runner;
    private final ObservableList<Shown> skills = FXCollections.observableArrayList();
    private final FilteredList<Shown> filtered = new FilteredList<>(skills);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<Shown> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(new Page.Placeholder());
    private final StringProperty deleting = new SimpleStringProperty("");
    private final ObjectProperty<State> recordingState = new SimpleObjectProperty<>(State.IDLE);
    /** The latest recording; a new one replaces it only once it has ended. */
    private RecordingWorkflow workflow = new RecordingWorkflow();
    /** The latest recording's browser, while it is open. */
    private SkillShelf.Recording recording;
    private String recordingName = "";
    /** Whether the window is closing: a recording that opens now is closed at once. */
    private volatile boolean closed;

    /**
     * @param tallies the journal's count of each skill's runs (read in the background)
     * @param runner starts a run shown in the Run tab, as the controller does; empty when it started, else why not
     */
    SkillsViewModel(SkillShelf shelf, Supplier<Map<String, SkillTally>> tallies, BackgroundTasks tasks,
                    BiFunction<String, RunController.Task, Optional<String>> runner) {
        this.shelf = shelf;
        this.tallies = tallies;
        this.tasks = tasks;
        this.runner = runner;
        filter.addListener((seen, before, now) -> {
            String wanted = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(s -> wanted.isEmpty() || (s.entry().name() + " " + s.entry().description() + " "
                    + String.join(" ", s.entry().examples())).toLowerCase(Locale.ROOT).contains(wanted));
        });
    }

    // ---- the list

    /** Reads the skills and the journal's tallies again, in the background, keeping the selection where it can. */
    void refresh() {
        refresh(() -> { });
    }

    /** Like {@link #refresh()}, then runs {@code then}. */
    private void refresh(Runnable then) {
        tasks.run(() -> new Loaded(shelf.book().skills(), shelf.book().problems(), tallies.get()), loaded -> {
            Shown before = selected.get();
            skills.setAll(loaded.skills().stream()
                    .map(entry -> new Shown(entry, Optional.ofNullable(loaded.tallies().get(entry.name())))).toList());
            problems.set(loaded.problems().isEmpty() ? "" : (loaded.problems().size() == 1 ? "A skill file did not load: "
                    : loaded.problems().size() + " skill files did not load: ") + String.join("; ", loaded.problems()));
            if (before != null) {
                select(before.entry().name());
            }
            then.run();
        }, notice::set);
    }

    /** The person chose a skill in the list: its page, unless a recording holds the tab. */
    void choose(Shown shown) {
        if (shown == selected.get() && page.get() instanceof Page.Skill open && open.shown() == shown) {
            // the list telling back a choice made here (after a refresh, a rename, a save): it is shown already
            return;
        }
        if (!recordingHoldsThePage()) {
            show(new Page.Skill(shown));
        }
        selected.set(shown);
    }

    /** Chooses the skill named {@code name} as it is now in the list; the placeholder when it is gone. */
    private void select(String name) {
        Optional<Shown> found = skills.stream().filter(s -> s.entry().name().equals(name)).findFirst();
        // the page before the choice: the list, told of the choice, tells it back, and finds it shown
        if (!recordingHoldsThePage()) {
            show(found.<Page>map(Page.Skill::new).orElse(new Page.Placeholder()));
        }
        selected.set(found.orElse(null));
    }

    /** Whether a recording's browser is open: its page stays until it is saved or let go. */
    private boolean recordingHoldsThePage() {
        return workflow.current().isUnderWay() && !workflow.is(State.OPENING);
    }

    private void show(Page next) {
        if (!(next instanceof Page.Placeholder)) {
            notice.set("");
        }
        deleting.set("");
        page.set(next);
    }

    // ---- a skill: its run, renaming a parameter, deleting it

    /**
     * Runs {@code skill} with the values of its form ({@code fields}, by parameter name, as typed; blank ones are left
     * to their defaults). The run's title names each value, a secret's only as {@link SkillShelf#SECRET_SHOWN}.
     */
    void run(SkillBook.Entry skill, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, text) -> {
            if (!text.isBlank()) {
                values.put(name, text.strip());
            }
        });
        StringBuilder title = new StringBuilder("skill ").append(skill.name());
        values.forEach((name, value) -> title.append(' ').append(name).append('=')
                .append(SkillShelf.isSecret(skill, name) ? SkillShelf.SECRET_SHOWN : value));
        runner.apply(title.toString(), (gate, listener, control) -> shelf.run(skill.name(), values, gate, listener, control))
                .ifPresent(notice::set);
    }

    /** Renames a parameter of {@code skill} in its file, then shows the skill at its new revision. */
    void rename(String skill, String from, String to) {
        String name = to.strip();
        tasks.run(() -> shelf.book().renameParameter(skill, from, name), renamed -> refresh(() ->
                notice.set("Renamed " + from + " to " + name + "; the skill is at a new revision.")), notice::set);
    }

    /** Asks whether to delete one of the person's own skills; a built-in one cannot be. */
    void askToDelete(SkillBook.Entry skill) {
        if (!skill.builtIn()) {
            deleting.set(skill.name());
        }
    }

    /** The person keeps the skill after all. */
    void keep() {
        deleting.set("");
    }

    /** Deletes the skill {@link #askToDelete} asked about; the tab goes back to its placeholder. */
    void confirmDelete() {
        String skill = deleting.get();
        if (skill.isEmpty()) {
            return;
        }
        tasks.run(() -> shelf.book().delete(skill), gone -> {
            show(new Page.Placeholder());
            selected.set(null);
            refresh(() -> notice.set(gone ? "Deleted " + skill + "." : skill + " was no longer there."));
        }, notice::set);
    }

    // ---- recording a new skill: its name and address, the recording, then its parameters for review

    /** Shows the form a recording starts from; not while another recording is under way. */
    void newRecording() {
        if (workflow.current().isUnderWay()) {
            return;
        }
        selected.set(null);
        show(new Page.NewRecording());
    }

    /** Opens a browser at {@code address} to record the skill {@code name}; one recording at a time. */
    void startRecording(String name, String address) {
        if (workflow.current().isUnderWay()) {
            return;
        }
        RecordingWorkflow mine = new RecordingWorkflow();
        workflow = mine;
        move(mine, State.IDLE, State.OPENING);
        notice.set("Opening a browser…");
        String skill = name.strip();
        String at = address.strip();
        tasks.run(() -> {
            SkillShelf.Recording opened = shelf.record(skill, at);
            if (closed) {
                opened.close();
                return null;
            }
            return opened;
        }, opened -> {
            if (opened == null) {
                return;
            }
            if (!mine.is(State.OPENING)) {
                // the window closed while the browser opened
                closeAside(opened);
                return;
            }
            recording = opened;
            recordingName = skill;
            move(mine, State.OPENING, State.RECORDING);
            show(new Page.Recording(skill));
        }, why -> {
            if (mine.is(State.OPENING)) {
                move(mine, State.OPENING, State.FAILED);
                notice.set(why);
            }
        });
    }

    /** Stops watching; the parameters found are shown for review. */
    void stopRecording() {
        RecordingWorkflow mine = workflow;
        if (!mine.is(State.RECORDING)) {
            return;
        }
        SkillShelf.Recording now = recording;
        String skill = recordingName;
        move(mine, State.RECORDING, State.STOPPING);
        tasks.run(now::stop, parameters -> {
            if (mine.is(State.STOPPING)) {
                move(mine, State.STOPPING, State.REVIEWING);
                show(new Page.Review(skill, parameters));
            }
        }, why -> {
            if (mine.is(State.STOPPING)) {
                // the recording's browser is gone with it (nothing was recorded, or the browser failed): start anew
                move(mine, State.STOPPING, State.FAILED);
                letGo();
                newRecording();
                notice.set(why);
            }
        });
    }

    /**
     * Saves the recording as a skill, its parameters renamed as {@code names} says (old name to the name as typed),
     * then shows the new skill, chosen in the list.
     */
    void saveRecording(Map<String, String> names) {
        RecordingWorkflow mine = workflow;
        if (!mine.is(State.REVIEWING)) {
            return;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        names.forEach((from, to) -> renames.put(from, to.strip()));
        SkillShelf.Recording now = recording;
        move(mine, State.REVIEWING, State.SAVING);
        tasks.run(() -> now.save(renames), saved -> {
            move(mine, State.SAVING, State.SAVED);
            letGo();
            refresh(() -> {
                select(saved.name());
                notice.set("Saved " + saved.name() + " with " + saved.steps() + " steps.");
            });
        }, why -> {
            move(mine, State.SAVING, State.REVIEWING);
            notice.set(why);
        });
    }

    /** Keeps nothing of the recording: its browser closes, and the tab goes back to its placeholder. */
    void discardRecording() {
        RecordingWorkflow mine = workflow;
        if (!mine.is(State.RECORDING) && !mine.is(State.REVIEWING)) {
            return;
        }
        move(mine, mine.current(), State.DISCARDED);
        letGo();
        show(new Page.Placeholder());
    }

    /** Stops a recording under way, keeping nothing: the window is closing. Its browser closes on a thread of its own. */
    void close() {
        closed = true;
        if (workflow.current().next().contains(State.DISCARDED)) {
            move(workflow, workflow.current(), State.DISCARDED);
        }
        SkillShelf.Recording open = recording;
        recording = null;
        if (open != null) {
            closeAside(open);
        }
    }

    private void move(RecordingWorkflow which, State from, State to) {
        which.transition(from, to);
        if (which == workflow) {
            recordingState.set(to);
        }
    }

    /** Lets go of the recording's browser: it closes in the background. */
    private void letGo() {
        SkillShelf.Recording done = recording;
        recording = null;
        if (done != null) {
            tasks.run(() -> {
                done.close();
                return true;
            }, ok -> { }, notice::set);
        }
    }

    private static void closeAside(SkillShelf.Recording open) {
        new Thread(open::close, "deft-recording-close").start();
    }

    // ---- what the view binds to

    /** The skills the filter lets through. */
    ObservableList<Shown> skills() {
        return filtered;
    }

    /** What the person typed to narrow the list: a name, or words of a description or of an example. */
    StringProperty filter() {
        return filter;
    }

    /** The skill files that did not load, said in one line; blank when all did. */
    ReadOnlyStringProperty problems() {
        return problems;
    }

    /** What the last action came to, or why it did not happen. */
    ReadOnlyStringProperty notice() {
        return notice;
    }

    /** The skill chosen in the list, or null. */
    ReadOnlyObjectProperty<Shown> selected() {
        return selected;
    }

    ReadOnlyObjectProperty<Page> page() {
        return page;
    }

    /** The skill whose deletion waits for the person's yes; blank when none does. */
    ReadOnlyStringProperty deleting() {
        return deleting;
    }

    /** Where the latest recording is. */
    ReadOnlyObjectProperty<State> recordingState() {
        return recordingState;
    }

    /** Whether a new recording may begin: none is under way. */
    BooleanBinding canRecord() {
        return Bindings.createBooleanBinding(() -> !recordingState.get().isUnderWay(), recordingState);
    }

    BooleanBinding isRecordingState(State wanted) {
        return Bindings.createBooleanBinding(() -> recordingState.get() == wanted, recordingState);
    }

    /** Whether Discard applies: the browser is open and nothing is being stopped or saved. */
    BooleanBinding canDiscard() {
        return Bindings.createBooleanBinding(() -> recordingState.get() == State.RECORDING
                || recordingState.get() == State.REVIEWING, recordingState);
    }
}
