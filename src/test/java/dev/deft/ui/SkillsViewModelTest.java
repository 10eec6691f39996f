package dev.deft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.ApprovalGate;
import dev.deft.core.DeftException;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal.SkillTally;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.SkillBook;
import dev.deft.ui.RecordingWorkflow.State;
import dev.deft.ui.SkillsViewModel.Page;
import dev.deft.ui.SkillsViewModel.Shown;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Skills tab's view model without a window: its background work and the results it sends back to the JavaFX
 * thread wait in queues until the test lets them run, the skill book is kept in memory, and the browser of a
 * recording is a fake that finds the values the test gives it.
 */
class SkillsViewModelTest {
    private static final SkillBook.Parameter TO = parameter("to", "text", "ann@example.org");
    private static final SkillBook.Parameter SUBJECT = parameter("subject", "text", "Minutes");
    private static final SkillBook.Parameter PASSWORD = parameter("password", "secret", "mail-password");
    private static final SkillBook.Entry SEND_EMAIL = new SkillBook.Entry("send-email", "Sends an email",
            List.of("send an email to ann"), List.of(TO, SUBJECT, PASSWORD), 6, "yours", false);
    private static final SkillBook.Entry OPEN_SHOP = new SkillBook.Entry("open-shop", "Opens the demo shop",
            List.of("take me to the store"), List.of(), 1, "built-in", true);

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> fxThread = new ArrayDeque<>();
    private final Book book = new Book(SEND_EMAIL, OPEN_SHOP);
    private final Shelf shelf = new Shelf(book);
    private final Map<String, SkillTally> tallies = new HashMap<>();
    private final List<String> runsStarted = new ArrayList<>();
    private Optional<String> runRefused = Optional.empty();
    private final SkillsViewModel model = new SkillsViewModel(shelf, () -> Map.copyOf(tallies),
            new BackgroundTasks(background::add, fxThread::add), (title, task) -> {
                runsStarted.add(title);
                return runRefused;
            });

    // ---- the list and a skill

    @Test
    void theListShowsEachSkillWithItsRunsAndSaysWhichFileDidNotLoad() {
        tallies.put("send-email", new SkillTally("send-email", 3, 2, Optional.of(Instant.parse("2026-12-15T12:00:00Z"))));
        book.problems.add("broken.json: the file ends too early");

        model.refresh();
        backgroundWorkEnds();

        assertThat(model.skills()).extracting(s -> s.entry().name()).containsExactly("send-email", "open-shop");
        assertThat(model.skills()).extracting(Shown::runs).containsExactly("2 of 3 runs done", "not run yet");
        assertThat(model.skills().get(0).runsAndSteps()).startsWith("Done 2 of 3 runs, last run 2026-12-").endsWith(". 6 steps.");
        assertThat(model.problems().get()).isEqualTo("A skill file did not load: broken.json: the file ends too early");
    }

    @Test
    void theFilterNarrowsTheListByNameDescriptionOrExample() {
        listed();

        model.filter().set("email");
        assertThat(model.skills()).extracting(s -> s.entry().name()).containsExactly("send-email");
        model.filter().set(" the STORE ");
        assertThat(model.skills()).extracting(s -> s.entry().name()).containsExactly("open-shop");
        model.filter().set("");
        assertThat(model.skills()).hasSize(2);
    }

    @Test
    void aChosenSkillRunsWithTheValuesTypedAndItsTitleNeverHoldsASecret() {
        listed();
        model.choose(shown("send-email"));
        assertThat(model.page().get()).isEqualTo(new Page.Skill(shown("send-email")));

        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("to", " bob@example.org ");
        typed.put("subject", "  ");
        typed.put("password", "mail-password");
        model.run(SEND_EMAIL, typed);

        assertThat(runsStarted).containsExactly("skill send-email to=bob@example.org password=(a secret)");
        assertThat(model.notice().get()).isEmpty();

        runRefused = Optional.of("A run is under way; stop it first.");
        model.run(SEND_EMAIL, typed);
        assertThat(model.notice().get()).isEqualTo("A run is under way; stop it first.");
    }

    @Test
    void renamingAParameterShowsTheSkillAtItsNewRevisionStillChosen() {
        listed();
        model.choose(shown("send-email"));

        model.rename("send-email", "to", " recipient ");
        backgroundWorkEnds();

        assertThat(book.renames).containsExactly("send-email: to -> recipient");
        assertThat(model.selected().get().entry().parameters()).extracting(SkillBook.Parameter::name)
                .containsExactly("recipient", "subject", "password");
        assertThat(model.page().get()).isEqualTo(new Page.Skill(model.selected().get()));
        assertThat(model.notice().get()).isEqualTo("Renamed to to recipient; the skill is at a new revision.");
    }

    @Test
    void aNameTheBookRefusesIsSaidAndTheSkillStaysAsItWas() {
        listed();
        model.choose(shown("send-email"));

        model.rename("send-email", "to", "Not A Name");
        backgroundWorkEnds();

        assertThat(model.notice().get()).isEqualTo("\"Not A Name\" is not a parameter name: use lower-case words joined by '-'.");
        assertThat(model.selected().get().entry()).isEqualTo(SEND_EMAIL);
    }

    @Test
    void aSkillIsDeletedOnlyOnceThePersonSaysYesAndABuiltInOneNever() {
        listed();
        model.choose(shown("open-shop"));
        model.askToDelete(OPEN_SHOP);
        assertThat(model.deleting().get()).as("a built-in skill is not offered for deletion").isEmpty();

        model.choose(shown("send-email"));
        model.askToDelete(SEND_EMAIL);
        assertThat(model.deleting().get()).isEqualTo("send-email");
        model.keep();
        assertThat(model.deleting().get()).isEmpty();
        assertThat(book.skills()).contains(SEND_EMAIL);

        model.askToDelete(SEND_EMAIL);
        model.confirmDelete();
        backgroundWorkEnds();

        assertThat(book.skills()).doesNotContain(SEND_EMAIL);
        assertThat(model.skills()).extracting(s -> s.entry().name()).containsExactly("open-shop");
        assertThat(model.selected().get()).isNull();
        assertThat(model.page().get()).isEqualTo(new Page.Placeholder());
        assertThat(model.notice().get()).isEqualTo("Deleted send-email.");
    }

    // ---- recording a new skill

    @Test
    void oneRecordingAtATime() {
        model.newRecording();
        assertThat(model.page().get()).isEqualTo(new Page.NewRecording());

        model.startRecording("note-subject", "http://127.0.0.1/mail/compose.html");
        assertThat(model.recordingState().get()).isEqualTo(State.OPENING);
        assertThat(model.canRecord().get()).isFalse();
        model.startRecording("note-subject", "http://127.0.0.1/mail/compose.html");
        backgroundWorkEnds();

        assertThat(shelf.opened).as("browsers opened").hasSize(1);
        assertThat(model.recordingState().get()).isEqualTo(State.RECORDING);
        assertThat(model.page().get()).isEqualTo(new Page.Recording("note-subject"));

        model.newRecording();
        model.startRecording("other-skill", "http://127.0.0.1/shop/");
        backgroundWorkEnds();
        assertThat(shelf.opened).as("browsers opened").hasSize(1);
        assertThat(model.page().get()).isEqualTo(new Page.Recording("note-subject"));
    }

    @Test
    void aRecordingHoldsItsPageWhileASkillIsChosenInTheList() {
        listed();
        recordingUnderWay("note-subject");

        model.choose(shown("send-email"));

        assertThat(model.selected().get()).isEqualTo(shown("send-email"));
        assertThat(model.page().get()).isEqualTo(new Page.Recording("note-subject"));
    }

    @Test
    void savingARecordingThenRefreshingChoosesTheNewSkill() throws Exception {
        listed();
        Watching browser = recordingUnderWay("note-subject");
        browser.found = List.of(TO, SUBJECT);

        model.stopRecording();
        assertThat(model.recordingState().get()).isEqualTo(State.STOPPING);
        backgroundWorkEnds();
        assertThat(model.page().get()).isEqualTo(new Page.Review("note-subject", List.of(TO, SUBJECT)));

        model.saveRecording(Map.of("to", " recipient ", "subject", "subject"));
        assertThat(model.canDiscard().get()).as("Discard while saving").isFalse();
        backgroundWorkEnds();

        assertThat(browser.saves).containsExactly(Map.of("to", "recipient", "subject", "subject"));
        assertThat(model.recordingState().get()).isEqualTo(State.SAVED);
        assertThat(model.skills()).extracting(s -> s.entry().name()).contains("note-subject");
        assertThat(model.selected().get().entry().name()).isEqualTo("note-subject");
        assertThat(model.page().get()).isEqualTo(new Page.Skill(model.selected().get()));
        assertThat(model.notice().get()).isEqualTo("Saved note-subject with 3 steps.");
        assertThat(model.canRecord().get()).isTrue();
        assertThat(browser.closed.await(5, TimeUnit.SECONDS)).as("the recording's browser closed").isTrue();
    }

    @Test
    void aSaveThatFailsKeepsTheReviewAndSaysWhy() {
        Watching browser = recordingUnderWay("note-subject");
        model.stopRecording();
        backgroundWorkEnds();
        Page review = model.page().get();
        browser.saveFails = new DeftException.Configuration("A skill named note-subject exists already.");

        model.saveRecording(Map.of("to", "recipient"));
        backgroundWorkEnds();

        assertThat(model.recordingState().get()).isEqualTo(State.REVIEWING);
        assertThat(model.page().get()).as("the same review, with the names typed").isSameAs(review);
        assertThat(model.notice().get()).isEqualTo("A skill named note-subject exists already.");
        assertThat(browser.closed.getCount()).as("the browser stays open").isEqualTo(1);
    }

    @Test
    void aDiscardedRecordingIsNeverSavedOrShown() throws Exception {
        Watching browser = recordingUnderWay("nothing-done");
        model.stopRecording();
        backgroundWorkEnds();

        model.discardRecording();
        model.saveRecording(Map.of());
        backgroundWorkEnds();

        assertThat(browser.saves).isEmpty();
        assertThat(book.skills()).extracting(SkillBook.Entry::name).doesNotContain("nothing-done");
        assertThat(model.recordingState().get()).isEqualTo(State.DISCARDED);
        assertThat(model.page().get()).isEqualTo(new Page.Placeholder());
        assertThat(model.canRecord().get()).isTrue();
        assertThat(browser.closed.await(5, TimeUnit.SECONDS)).as("the recording's browser closed").isTrue();
    }

    @Test
    void aRecordingDiscardedAsTheWindowClosesIsNotShownForReviewWhenItsStopEnds() throws Exception {
        Watching browser = recordingUnderWay("note-subject");
        model.stopRecording();

        model.close();
        backgroundWorkEnds();

        assertThat(model.recordingState().get()).isEqualTo(State.DISCARDED);
        assertThat(model.page().get()).isEqualTo(new Page.Recording("note-subject"));
        assertThat(browser.saves).isEmpty();
        assertThat(browser.closed.await(5, TimeUnit.SECONDS)).as("the recording's browser closed").isTrue();
    }

    @Test
    void aBrowserThatOpensAfterTheWindowClosedIsClosedAtOnce() throws Exception {
        model.newRecording();
        model.startRecording("note-subject", "http://127.0.0.1/mail/compose.html");

        model.close();
        backgroundWorkEnds();

        assertThat(shelf.opened).hasSize(1);
        assertThat(shelf.opened.get(0).closed.await(5, TimeUnit.SECONDS)).as("the late browser closed").isTrue();
        assertThat(model.recordingState().get()).isEqualTo(State.DISCARDED);
        assertThat(model.page().get()).isEqualTo(new Page.NewRecording());
    }

    @Test
    void aBrowserThatDoesNotOpenIsSaidAndTheFormMayStartAgain() {
        model.newRecording();
        shelf.openFails = new DeftException.Configuration("Chromium did not start: no display.");

        model.startRecording("note-subject", "http://127.0.0.1/mail/compose.html");
        backgroundWorkEnds();

        assertThat(model.recordingState().get()).isEqualTo(State.FAILED);
        assertThat(model.notice().get()).isEqualTo("Chromium did not start: no display.");
        assertThat(model.page().get()).isEqualTo(new Page.NewRecording());
        assertThat(model.canRecord().get()).isTrue();

        shelf.openFails = null;
        model.startRecording("note-subject", "http://127.0.0.1/mail/compose.html");
        backgroundWorkEnds();
        assertThat(model.recordingState().get()).isEqualTo(State.RECORDING);
    }

    @Test
    void aRecordingWhoseBrowserIsGoneWhenStoppedStartsAnewWithWhy() throws Exception {
        Watching browser = recordingUnderWay("note-subject");
        browser.stopFails = new DeftException.Configuration("The recording's browser was closed.");

        model.stopRecording();
        backgroundWorkEnds();

        assertThat(model.recordingState().get()).isEqualTo(State.FAILED);
        assertThat(model.page().get()).isEqualTo(new Page.NewRecording());
        assertThat(model.notice().get()).isEqualTo("The recording's browser was closed.");
        assertThat(browser.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    // ---- the test's hands

    /** Lets the background work run and its results come back, and the work they lead to, until none is left. */
    private void backgroundWorkEnds() {
        while (!background.isEmpty() || !fxThread.isEmpty()) {
            Runnable next = background.isEmpty() ? fxThread.poll() : background.poll();
            next.run();
        }
    }

    private void listed() {
        model.refresh();
        backgroundWorkEnds();
    }

    private Shown shown(String name) {
        return model.skills().stream().filter(s -> s.entry().name().equals(name)).findFirst().orElseThrow();
    }

    private Watching recordingUnderWay(String name) {
        model.newRecording();
        model.startRecording(name, "http://127.0.0.1/mail/compose.html");
        backgroundWorkEnds();
        assertThat(model.recordingState().get()).isEqualTo(State.RECORDING);
        return shelf.opened.get(shelf.opened.size() - 1);
    }

    private static SkillBook.Parameter parameter(String name, String type, String example) {
        return new SkillBook.Parameter(name, type, true, example, List.of());
    }

    /** The skills in memory: renaming and deleting as the real book does them, the rest unused here. */
    private static final class Book implements SkillBook {
        final List<Entry> entries = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> renames = new ArrayList<>();

        Book(Entry... entries) {
            this.entries.addAll(List.of(entries));
        }

        @Override
        public synchronized List<Entry> skills() {
            return List.copyOf(entries);
        }

        @Override
        public List<String> problems() {
            return List.copyOf(problems);
        }

        @Override
        public synchronized Optional<Entry> find(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).findFirst();
        }

        synchronized void add(Entry entry) {
            entries.add(entry);
        }

        @Override
        public synchronized Entry renameParameter(String skill, String from, String to) {
            if (!to.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                throw new DeftException.Configuration("\"" + to + "\" is not a parameter name: use lower-case words "
                        + "joined by '-'.");
            }
            Entry old = find(skill).orElseThrow();
            Entry renamed = new Entry(old.name(), old.description(), old.examples(), old.parameters().stream()
                    .map(p -> p.name().equals(from) ? new Parameter(to, p.type(), p.required(), p.example(), p.choices()) : p)
                    .toList(), old.steps(), old.source(), old.builtIn());
            entries.set(entries.indexOf(old), renamed);
            renames.add(skill + ": " + from + " -> " + to);
            return renamed;
        }

        @Override
        public synchronized boolean delete(String name) {
            return entries.removeIf(e -> e.name().equals(name) && !e.builtIn());
        }

        @Override
        public Optional<String> show(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Entry importFile(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void export(String name, Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Prepared> match(String request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Prepared prepare(String name, Map<String, String> values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void repair(String name, int step, Action action) {
            throw new UnsupportedOperationException();
        }
    }

    /** The shelf the tab is given: the book, and a fake browser for each recording. */
    private static final class Shelf implements SkillShelf {
        final Book book;
        final List<Watching> opened = new ArrayList<>();
        DeftException openFails;

        Shelf(Book book) {
            this.book = book;
        }

        @Override
        public SkillBook book() {
            return book;
        }

        @Override
        public RunResult run(String skill, Map<String, String> values, ApprovalGate gate, RunListener listener,
                             RunControl control) {
            throw new UnsupportedOperationException("the test's runner starts no run");
        }

        @Override
        public Recording record(String name, String startUrl) {
            if (openFails != null) {
                throw openFails;
            }
            Watching browser = new Watching(book, name);
            opened.add(browser);
            return browser;
        }
    }

    /** A recording's browser: it found the values a test gives it, and saves a skill of three steps into the book. */
    private static final class Watching implements SkillShelf.Recording {
        final Book book;
        final String name;
        final List<Map<String, String>> saves = new ArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        List<SkillBook.Parameter> found = List.of(TO);
        DeftException stopFails;
        DeftException saveFails;

        Watching(Book book, String name) {
            this.book = book;
            this.name = name;
        }

        @Override
        public List<SkillBook.Parameter> stop() {
            if (stopFails != null) {
                throw stopFails;
            }
            return found;
        }

        @Override
        public SkillBook.Entry save(Map<String, String> names) {
            if (saveFails != null) {
                throw saveFails;
            }
            saves.add(Map.copyOf(names));
            SkillBook.Entry saved = new SkillBook.Entry(name, "", List.of(), found.stream()
                    .map(p -> new SkillBook.Parameter(names.getOrDefault(p.name(), p.name()), p.type(), p.required(),
                            p.example(), p.choices())).toList(), 3, "yours", false);
            book.add(saved);
            return saved;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
