package dev.deft.ui;

import dev.deft.core.ApprovalGate;
import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the window's runs: one at a time, each on the run thread, never on the JavaFX thread. The
 * session of the current run is what the timeline shows; the kill switch stops it from any thread.
 */
final class RunController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunController.class);

    private final Runs runs;
    private final WindowApprovalGate gate;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "deft-run");
        thread.setDaemon(true);
        return thread;
    });
    private final ObjectProperty<RunSession> current = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final List<Runnable> whenFinished = new ArrayList<>();
    private volatile RunSession session;
    private volatile RunControl control;

    RunController(Runs runs, Consumer<PendingApproval> card, Clock clock) {
        this.runs = runs;
        current.addListener((seen, before, now) -> {
            paused.unbind();
            paused.bind(now.paused());
        });
        this.gate = new WindowApprovalGate(card, () -> {
            RunSession now = session;
            return now == null ? Optional.empty() : now.lastScreenshot();
        }, clock, this::takeOver);
    }

    /**
     * Starts {@code request} (on the JavaFX thread).
     *
     * @return empty when it started, else why not, in one line
     */
    Optional<String> start(String request) {
        if (request == null || request.isBlank()) {
            return Optional.of("Type what you want done first, e.g. open the shop and search for teapot.");
        }
        String typed = request.strip();
        return start(typed, (gate, listener, control) -> runs.run(RunSpec.of(typed), gate, listener, control));
    }

    /** Something the window runs: a typed request, or a skill with the values of its form. */
    @FunctionalInterface
    interface Task {
        RunResult run(ApprovalGate gate, RunListener listener, RunControl control);
    }

    /**
     * Starts {@code task}, shown in the timeline as {@code title} (on the JavaFX thread).
     *
     * @return empty when it started, else why not, in one line
     */
    Optional<String> start(String title, Task task) {
        if (running.get()) {
            return Optional.of("A run is under way: stop it, or wait for it, before starting another.");
        }
        RunSession started = new RunSession(title, Platform::runLater);
        RunControl stopper = new RunControl();
        session = started;
        control = stopper;
        current.set(started);
        running.set(true);
        worker.execute(() -> {
            try {
                task.run(gate, started, stopper);
            } catch (DeftException e) {
                LOG.info("The run could not go on: {}", e.getMessage(), e);
                started.failedToStart(Brief.firstLine(e.getMessage(), "unknown error"));
            } catch (RuntimeException e) {
                LOG.error("The run failed", e);
                started.failedToStart("Something went wrong: " + Brief.firstLine(String.valueOf(e), "unknown error")
                        + " (details are in deft.log in the data folder)");
            } finally {
                Platform.runLater(() -> {
                    running.set(false);
                    whenFinished.forEach(Runnable::run);
                });
            }
        });
        return Optional.empty();
    }

    /** Stops the current run before its next action; any thread. */
    void stop(String why) {
        RunControl now = control;
        if (now != null && !now.isCancelled()) {
            now.cancel(why);
        }
    }

    /** Whether the current run waits for the person to resume it (JavaFX thread). */
    ReadOnlyBooleanProperty paused() {
        return paused;
    }

    /** Take over: the run pauses before its next step and brings the browser to the front; any thread. */
    void takeOver() {
        RunControl now = control;
        if (now != null && running.get()) {
            now.pause(PendingApproval.BY);
        }
    }

    /** Lets a paused run go on from what the page shows now. */
    void resume() {
        RunControl now = control;
        if (now != null) {
            now.resume(PendingApproval.BY);
        }
    }

    /** Runs {@code action} on the JavaFX thread after every run. */
    void whenFinished(Runnable action) {
        whenFinished.add(action);
    }

    ReadOnlyObjectProperty<RunSession> current() {
        return current;
    }

    ReadOnlyBooleanProperty running() {
        return running;
    }

    @Override
    public void close() {
        stop("Deft is closing");
        worker.shutdown();
    }
}
