package dev.deft.ui;

import static dev.deft.ui.DeftOnScreen.focus;
import static dev.deft.ui.DeftOnScreen.onFx;
import static dev.deft.ui.DeftOnScreen.snapshot;
import static dev.deft.ui.DeftOnScreen.texts;
import static dev.deft.ui.DeftOnScreen.waitUntil;
import static dev.deft.ui.DeftOnScreen.xdotool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.RunJournal;
import dev.deft.core.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxToolkit;

/**
 * The desktop app as a person uses it, on Xvfb: the real wiring, headed Chromium on the demo sites, the H2 journal,
 * config.json and the vault in a temporary home. The tests follow one another like a session: a request, an order
 * rejected, an order approved, the history of both, settings kept across a restart. The pictures the README shows
 * are taken on the way (into {@code -Ddeft.images=docs/images}, else target/ui-images).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopAppIT {
    static final String ORDER = "open the shop, search for usb cable, add the cheapest to the cart, go to checkout, "
            + "type Ada Lovelace into name on card, type 4242424242424242 into card number, enter 12/30 as the expiry, "
            + "enter 123 as the cvc and place the order";
    static final Path IMAGES = Path.of(System.getProperty("deft.images", "target/ui-images"));

    private DeftOnScreen deft;

    @BeforeAll
    void openTheApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        deft = new DeftOnScreen(Files.createTempDirectory("deft-ui")).open();
        snapshot(deft.ui().mainStage(), IMAGES, "main-window-light");
    }

    @AfterAll
    void quit() {
        if (deft != null) {
            deft.close();
        }
    }

    @Test
    @Order(1)
    void typingARequestInThePromptRunsItOnTheDemoSitesAndTheTimelineFillsWithCards() {
        onFx(() -> {
            deft.ui().summonPrompt();
            return null;
        });
        snapshot(deft.ui().promptStage(), IMAGES, "prompt-light");
        onFx(() -> {
            deft.ui().promptStage().hide();
            return null;
        });

        type("open the shop and search for teapot");

        waitUntil("two step cards while the run goes on", 120, () -> cards().size() >= 2 || !live());
        snapshot(deft.ui().mainStage(), IMAGES, "timeline-running-light");
        waitUntil("the run to end", 180, () -> !live());
        RunSession session = onFx(() -> deft.ui().runs().current().get());
        assertThat(onFx(() -> session.status().get())).as(onFx(() -> session.summary().get())).isEqualTo(RunStatus.DONE);
        List<String> actions = onFx(() -> session.steps().stream().map(StepItem::action).toList());
        assertThat(actions).hasSizeGreaterThanOrEqualTo(3);
        assertThat(actions.get(0)).startsWith("Open http://127.0.0.1:");
        assertThat(String.join("\n", actions)).contains("teapot");
        assertThat(onFx(() -> cards().size())).isEqualTo(actions.size());
        assertThat(onFx(() -> cards().get(1).lookupAll(".thumbnail").stream().anyMatch(Node::isVisible)))
                .as("the second step's card shows its screenshot").isTrue();
        assertThat(onFx(() -> texts(cards().get(0)))).contains("READ", "done");
    }

    @Test
    @Order(2)
    void anApprovalCardAppearsForTheCheckoutAndRejectLeavesTheShopWithNoOrder() throws Exception {
        type(ORDER);

        waitForCard("Go to checkout");
        snapshot(deft.ui().mainStage(), IMAGES, "approval-card-light");
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+Return");
        waitForCard("Place order");
        String card = onFx(() -> texts(approvalCard()));
        assertThat(card).contains("PAY").contains("This spends money").contains("•••• 4242")
                .doesNotContain("4242424242424242");
        focus(MainWindow.TITLE);
        xdotool("key", "Escape");

        waitUntil("the run to end", 120, () -> !live());
        RunSession session = onFx(() -> deft.ui().runs().current().get());
        assertThat(onFx(() -> session.status().get())).isEqualTo(RunStatus.REJECTED);
        assertThat(deft.demoRecord().get("orders")).as("orders the shop took").isEmpty();
        Path pictures = deft.home.resolve("data/runs").resolve(onFx(() -> session.runId().get())).resolve("screenshots");
        try (var files = Files.list(pictures)) {
            assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.(png|jpg)$", "")))
                    .as("the approval cards' pictures, target outlined").contains("approval-001", "approval-002");
        }
        RunJournal.RunRecord journalled = deft.app.workspace().journal().find(onFx(() -> session.runId().get())).orElseThrow();
        assertThat(journalled.approvals()).extracting(a -> a.approved().orElseThrow(), RunJournal.ApprovalRecord::decidedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, PendingApproval.BY),
                        org.assertj.core.groups.Tuple.tuple(false, PendingApproval.BY));
    }

    @Test
    @Order(3)
    void approvingPlacesTheOrder() throws Exception {
        focus(MainWindow.TITLE);
        press("#theme-switch");
        waitUntil("the dark theme", 10, () -> javafx.application.Application.getUserAgentStylesheet().contains("dark"));
        snapshot(deft.ui().mainStage(), IMAGES, "main-window-dark");
        onFx(() -> {
            deft.ui().summonPrompt();
            return null;
        });
        snapshot(deft.ui().promptStage(), IMAGES, "prompt-dark");
        onFx(() -> {
            deft.ui().promptStage().hide();
            return null;
        });

        type(ORDER);
        waitUntil("two step cards while the run goes on", 120, () -> cards().size() >= 2 || !live());
        snapshot(deft.ui().mainStage(), IMAGES, "timeline-running-dark");
        waitForCard("Go to checkout");
        focus(MainWindow.TITLE);
        press(".approve");
        waitForCard("Place order");
        snapshot(deft.ui().mainStage(), IMAGES, "approval-card-dark");
        focus(MainWindow.TITLE);
        press(".approve");

        waitUntil("the run to end", 120, () -> !live());
        RunSession session = onFx(() -> deft.ui().runs().current().get());
        assertThat(onFx(() -> session.status().get())).as(onFx(() -> session.summary().get())).isEqualTo(RunStatus.DONE);
        JsonNode orders = deft.demoRecord().get("orders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("cardLast4").asText()).isEqualTo("4242");
    }

    @Test
    @Order(4)
    void historyListsBothRunsAndOpensOneToItsTimeline() {
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+2");
        waitUntil("the three runs in the history", 20, () -> historyList().getItems().size() == 3);

        press("#history-search");
        xdotool("type", "--delay", "5", "place the order");
        waitUntil("the search to leave the two orders", 10, () -> historyList().getItems().size() == 2);
        Set<String> statuses = onFx(() -> historyList().getItems().stream().map(r -> r.status().wire())
                .collect(Collectors.toSet()));
        assertThat(statuses).containsExactlyInAnyOrder("done", "rejected");

        onFx(() -> {
            historyList().getSelectionModel().select(0);
            historyList().requestFocus();
            return null;
        });
        waitUntil("the past run's timeline", 20, () -> historyCards().size() >= 5);
        assertThat(onFx(() -> texts(deft.ui().mainStage().getScene().lookup(".history-detail"))))
                .contains("Place order").contains("Run again");
        snapshot(deft.ui().mainStage(), IMAGES, "history-dark");
    }

    @Test
    @Order(5)
    void settingsPersistAcrossARestartAndSecretValuesAreNeverShownBack() throws Exception {
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+3");
        press("#model");
        xdotool("type", "--delay", "5", "qwen2.5:7b");
        press("#allow-sites");
        xdotool("type", "--delay", "5", "127.0.0.1");
        press("#prompt-hotkey");
        xdotool("key", "ctrl+a");
        xdotool("type", "--delay", "5", "ctrl+alt+k");
        press("#secret-name");
        xdotool("type", "--delay", "5", "shop-password");
        press("#secret-value");
        xdotool("type", "--delay", "5", "s3cret-horse");
        xdotool("key", "Return");
        waitUntil("the secret's name in the list", 20, () -> secrets().getItems().contains("shop-password"));
        press("#save-settings");
        waitUntil("the settings to be saved", 20, () -> texts(lookup("#settings-notice")).startsWith("Saved"));
        snapshot(deft.ui().mainStage(), IMAGES, "settings-dark");

        deft.restart();
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+3");

        waitUntil("the settings read back", 10, () -> lookup("#model").isVisible()
                && !((TextInputControl) lookup("#model")).getText().isEmpty());
        assertThat(onFx(() -> ((TextInputControl) lookup("#model")).getText())).isEqualTo("qwen2.5:7b");
        assertThat(onFx(() -> ((TextInputControl) lookup("#allow-sites")).getText())).isEqualTo("127.0.0.1");
        assertThat(onFx(() -> ((TextInputControl) lookup("#prompt-hotkey")).getText())).isEqualTo("ctrl+alt+k");
        assertThat(onFx(() -> ((ComboBox<?>) lookup("#theme")).getValue())).isEqualTo(Theme.DARK);
        waitUntil("the secret's name after the restart", 20, () -> secrets().getItems().contains("shop-password"));
        assertThat(onFx(() -> texts(deft.ui().mainStage().getScene().getRoot()))).doesNotContain("s3cret-horse");
        assertThat(Files.readString(deft.home.resolve("config.json"))).contains("\"qwen2.5:7b\"")
                .contains("\"ctrl+alt+k\"").contains("\"127.0.0.1\"").doesNotContain("s3cret-horse");
    }

    @Test
    @Order(6)
    void takeOverPausesTheRunBringsTheBrowserForwardAndResumeGoesOnWithThePauseJournalled() throws Exception {
        type("open the shop, search for usb cable, add the cheapest to the cart and check out");
        RunSession session = onFx(() -> deft.ui().runs().current().get());
        waitUntil("the first step", 120, () -> session.steps().size() >= 1);

        focus(MainWindow.TITLE);
        press("#take-over");

        waitUntil("the run to pause", 60, () -> session.paused().get());
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> DeftOnScreen.topWindow().contains("Deft Shop"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The browser is not in front while paused; on top: " + DeftOnScreen.topWindow());
        }
        int stepsWhenPaused = onFx(() -> session.steps().size());
        focus(MainWindow.TITLE);
        snapshot(deft.ui().mainStage(), IMAGES, "take-over-dark");
        assertThat(onFx(() -> session.paused().get())).as("still paused when the person presses Resume").isTrue();
        press("#resume");

        waitForCard("Go to checkout");
        focus(MainWindow.TITLE);
        xdotool("key", "Escape");
        waitUntil("the run to end", 120, () -> !session.live().get());
        RunJournal.RunRecord journalled = deft.app.workspace().journal().find(onFx(() -> session.runId().get())).orElseThrow();
        List<RunJournal.DecisionRecord> person = journalled.decisions().stream()
                .filter(d -> d.planner().equals("person")).toList();
        assertThat(person).extracting(RunJournal.DecisionRecord::thought)
                .containsExactly("Paused for " + PendingApproval.BY + " to act (took over).",
                        "Resumed by " + PendingApproval.BY + "; looking at the page afresh.");
        // the run's events say how many steps there were at the pause and at the resume: none came in between
        assertThat(person).extracting(RunJournal.DecisionRecord::afterStep).as("steps before the pause and the resume")
                .containsExactly(stepsWhenPaused, stepsWhenPaused);
    }

    /** Types {@code request} into the main window's prompt field as a person does, and presses Enter. */
    private void type(String request) {
        focus(MainWindow.TITLE);
        xdotool("key", "ctrl+1");
        xdotool("key", "ctrl+l");
        xdotool("type", "--delay", "2", request);
        waitUntil("the request in the prompt field", 20,
                () -> ((TextInputControl) lookup("#prompt")).getText().equals(request));
        xdotool("key", "Return");
        waitUntil("the run to start", 10, () -> live());
    }

    private void waitForCard(String action) {
        waitUntil("the approval card for " + action, 120, () -> {
            Node card = approvalCard();
            return card.isVisible() && texts(card).contains(action);
        });
    }

    private boolean live() {
        RunSession session = deft.ui().runs().current().get();
        return session != null && session.live().get();
    }

    private void press(String selector) {
        deft.press(selector);
    }

    private Node lookup(String selector) {
        return deft.lookup(selector);
    }

    private Node approvalCard() {
        return lookup(".approval-card");
    }

    private List<Node> cards() {
        return List.copyOf(lookup(".run-pane").lookupAll(".step-card"));
    }

    private List<Node> historyCards() {
        return List.copyOf(lookup(".history-detail").lookupAll(".step-card"));
    }

    @SuppressWarnings("unchecked")
    private ListView<RunJournal.RunSummary> historyList() {
        return (ListView<RunJournal.RunSummary>) lookup("#history-list");
    }

    @SuppressWarnings("unchecked")
    private ListView<String> secrets() {
        return (ListView<String>) lookup("#secrets");
    }
}
