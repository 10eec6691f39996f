package dev.deft.ui;

import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow work (the journal, the vault, a model check) off the JavaFX Application Thread; its result or its one-line
 * error comes back on that thread.
 */
final class BackgroundTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);
    private final Executor workers;
    private final Executor fx;
    private volatile boolean closed;

    BackgroundTasks() {
        this(pool(), Platform::runLater);
    }

    /** Work on {@code workers}, results through {@code fx}: a view model's test runs both where it likes. */
    BackgroundTasks(Executor workers, Executor fx) {
        this.workers = workers;
        this.fx = fx;
    }

    private static ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "deft-ui-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        if (closed) {
            // the window is closing: nobody will see the result
            return;
        }
        workers.execute(() -> {
            try {
                T result = work.call();
                fx.execute(() -> done.accept(result));
            } catch (DeftException e) {
                LOG.info("Background work failed: {}", e.getMessage());
                LOG.debug("Background work failed", e);
                fx.execute(() -> failed.accept(Brief.firstLine(e.getMessage(), "unknown error")));
            } catch (Exception e) {
                LOG.error("Background work failed", e);
                fx.execute(() -> failed.accept("Something went wrong: " + Brief.firstLine(String.valueOf(e), "unknown error")
                        + " (details are in deft.log in the data folder)"));
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        if (workers instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
