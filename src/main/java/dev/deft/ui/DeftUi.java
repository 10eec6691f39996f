package dev.deft.ui;

import dev.deft.core.Brief;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deft's desktop app: the main window, the hidden prompt window, the tray icon (or, without a tray, a main window
 * whose closing quits), and the global hotkeys — Ctrl+Alt+Space shows the prompt, Ctrl+Alt+Escape stops the run.
 */
public final class DeftUi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeftUi.class);
    static final String STYLESHEET = Objects.requireNonNull(DeftUi.class.getResource("/dev/deft/ui/deft.css"))
            .toExternalForm();

    private static CompletableFuture<Void> toolkit;
    /** Held here: java.util.logging keeps its loggers only weakly, and a level set on a collected one is lost. */
    private static final java.util.logging.Logger QUIET_STARTUP =
            java.util.logging.Logger.getLogger("javafx");

    private final UiServices services;
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final RunController controller;
    private final RunPane runPane;
    private final SkillsView skills;
    private final MainWindow main;
    private final PromptWindow prompt;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final List<String> missing = new ArrayList<>();
    private final CompletableFuture<Void> firstRunChecked = new CompletableFuture<>();
    private Optional<SystemTrayIcon> tray = Optional.empty();
    private Settings settings;

    private DeftUi(UiServices services) {
        this.services = services;
        this.settings = loadSettings();
        applyTheme(settings.theme());
        ApprovalCard card = new ApprovalCard();
        controller = new RunController(services.runs(), approval -> {
            card.show(approval);
            showRunTab();
        }, services.clock());
        runPane = new RunPane(controller, card);
        HistoryView history = new HistoryView(services.journal(), tasks, request -> {
            showRunTab();
            runPane.run(request);
        });
        controller.whenFinished(history::refresh);
        skills = new SkillsView(new SkillsViewModel(services.skills(), services.journal()::skillTallies, tasks,
                (title, task) -> {
                    Optional<String> why = controller.start(title, task);
                    if (why.isEmpty()) {
                        showRunTab();
                    }
                    return why;
                }));
        controller.whenFinished(skills::refresh);
        SettingsView settingsView = new SettingsView(services.settings(), tasks, services.vault(), this::apply);
        main = new MainWindow(runPane, history, settingsView, skills, this::switchTheme);
        main.themeIs(settings.theme().isDark(services.env()));
        prompt = new PromptWindow(request -> {
            showRunTab();
            runPane.run(request);
        });
        main.stage().setOnCloseRequest(event -> {
            if (tray.isPresent()) {
                event.consume();
                main.stage().hide();
            } else {
                quit();
            }
        });
        bindHotkeys(settings);
        if (!services.hotkeys().unavailableReason().isBlank()) {
            missing.add("No global hotkeys: " + services.hotkeys().unavailableReason());
        }
        main.note(String.join("  ", missing));
    }

    /**
     * What waits until the main window is up, so as not to slow it down: the tray icon (AWT starts for it) and the
     * first run's checks.
     */
    private void afterShown() {
        SystemTrayIcon.install(this::showMain, controller::takeOver, this::quit)
                .thenAccept(result -> Platform.runLater(() -> {
                    tray = result.icon();
                    if (tray.isEmpty()) {
                        missing.add("No tray icon (" + result.whyNone() + "): closing this window quits Deft.");
                    }
                    main.note(String.join("  ", missing));
                }));
        welcomeOnFirstRun();
    }

    /** On the first run (nothing in the journal yet), the welcome with what Deft needs and a demo to try. */
    private void welcomeOnFirstRun() {
        tasks.run(() -> services.journal().recent(1).isEmpty(), first -> {
            if (first) {
                runPane.welcome().checking();
                tasks.run(() -> services.readiness().check(), items -> {
                    if (runPane.welcome().isVisible()) {
                        runPane.welcome().show(items, services.readiness().demoRequest());
                    }
                }, why -> runPane.welcome().show(List.of(new Readiness.Item("Checks", false,
                        "Deft could not check what it needs: " + why)), services.readiness().demoRequest()));
            }
            firstRunChecked.complete(null);
        }, why -> {
            LOG.info("The journal could not say whether this is the first run: {}", why);
            firstRunChecked.completeExceptionally(new IllegalStateException(why));
        });
    }

    /**
     * Completes on the JavaFX thread once the journal has said whether this is the first run and the welcome is shown
     * or not: a test that checks the welcome stays away waits for this, not for a while.
     */
    CompletableFuture<Void> firstRunChecked() {
        return firstRunChecked;
    }

    /**
     * Starts the JavaFX toolkit where it is not running yet, builds the windows on its thread and shows the main
     * window. Call from any thread but the JavaFX one.
     */
    public static DeftUi start(UiServices services) {
        prepare().join();
        FutureTask<DeftUi> build = new FutureTask<>(() -> {
            DeftUi ui = new DeftUi(services);
            ui.showMain();
            Platform.runLater(ui::afterShown);
            Platform.runLater(ui.prompt::warmUp);
            return ui;
        });
        Platform.runLater(build);
        try {
            return build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the window was built", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Starts the JavaFX toolkit on a thread of its own, so that it warms up while the caller opens the journal;
     * {@link #start} waits for it. Calling it again returns the same start.
     */
    public static synchronized CompletableFuture<Void> prepare() {
        if (toolkit == null) {
            toolkit = CompletableFuture.runAsync(DeftUi::startToolkit, runnable -> {
                Thread thread = new Thread(runnable, "deft-ui-start");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return toolkit;
    }

    private static void startToolkit() {
        // JavaFX warns on every start that it was loaded from the class path, not as modules: true, and harmless;
        // a filter on its own logger drops that one line and keeps the rest (CSS and others log to child loggers)
        QUIET_STARTUP.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
            // the theme the desktop prefers, read while the application opens its journal; a saved choice of
            // another replaces it when the window is built
            Platform.runLater(() -> Application.setUserAgentStylesheet(Theme.SYSTEM.stylesheet(System.getenv())));
            AppIcon.images();
            ready.await();
        } catch (IllegalStateException alreadyRunning) {
            // a test harness (TestFX) or an earlier window started it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the app lives on in the tray, and a test may open it again
        Platform.setImplicitExit(false);
    }

    /** Blocks until the person quits. */
    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    /** Shows the main window in front (JavaFX thread). */
    public void showMain() {
        main.show();
    }

    private void showRunTab() {
        showMain();
        main.select(0);
    }

    /** Shows the prompt window, as the hotkey does (JavaFX thread). */
    public void summonPrompt() {
        prompt.summon();
    }

    /** The runs of this window, for tests in this package. */
    RunController runs() {
        return controller;
    }

    public Stage mainStage() {
        return main.stage();
    }

    public Stage promptStage() {
        return prompt.stage();
    }

    /** Closes the windows and the tray icon and ends {@link #awaitQuit()}; runs under way are stopped. */
    public void quit() {
        Runnable close = () -> {
            controller.close();
            skills.close();
            services.hotkeys().unbindAll();
            tray.ifPresent(SystemTrayIcon::remove);
            prompt.hide();
            main.stage().hide();
            tasks.close();
            quit.countDown();
        };
        if (Platform.isFxApplicationThread()) {
            close.run();
        } else {
            Platform.runLater(close);
        }
    }

    @Override
    public void close() {
        quit();
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Settings loadSettings() {
        try {
            return services.settings().load();
        } catch (RuntimeException e) {
            LOG.warn("Settings could not be read; using the defaults: {}", e.getMessage());
            missing.add(Brief.firstLine(e.getMessage(), "unknown error"));
            return Settings.defaults();
        }
    }

    /** What Save does beyond the file: the theme and the hotkeys change at once. */
    private void apply(Settings saved) {
        settings = saved;
        applyTheme(saved.theme());
        main.themeIs(saved.theme().isDark(services.env()));
        bindHotkeys(saved);
    }

    private void bindHotkeys(Settings chosen) {
        services.hotkeys().unbindAll();
        try {
            services.hotkeys().bind(chosen.promptHotkey(), () -> Platform.runLater(prompt::summon));
            services.hotkeys().bind(chosen.stopHotkey(), () -> controller.stop("stopped with the kill switch ("
                    + chosen.stopHotkey() + ")"));
        } catch (RuntimeException e) {
            services.hotkeys().unbindAll();
            services.hotkeys().bind(Settings.PROMPT_HOTKEY, () -> Platform.runLater(prompt::summon));
            services.hotkeys().bind(Settings.STOP_HOTKEY, () -> controller.stop("stopped with the kill switch"));
            throw e;
        }
    }

    private void switchTheme() {
        boolean dark = settings.theme().isDark(services.env());
        Settings switched = settings.withTheme(dark ? Theme.LIGHT : Theme.DARK);
        apply(switched);
        tasks.run(() -> {
            services.settings().save(switched);
            return switched;
        }, kept -> { }, why -> main.note(why));
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.stylesheet(services.env()));
    }
}
