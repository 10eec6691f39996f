package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.Action;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model planner drives the real browser on the demo shop through Deft's own wiring: a request goes to an
 * OpenAI-compatible server on loopback that answers, step by step, from what the prompt shows, and the order it
 * places needs a person's yes. The card number lives in the vault and reaches the page only.
 */
class ModelPlannerShopIT {
    private static final String CARD = "4242 4242 4242 4242";

    @TempDir
    Path home;
    MockWebServer modelServer;
    ShopModel model;
    DemoServer shop;
    DeftWorkspace workspace;
    final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    final StringBuilder thinking = new StringBuilder();

    @BeforeEach
    void start() throws Exception {
        model = new ShopModel();
        modelServer = new MockWebServer();
        modelServer.setDispatcher(model);
        modelServer.start();
        shop = DemoServer.start();
        shop.slowApi(Duration.ofMillis(400)); // a busy shop: the model must see the answer to what it clicked
        workspace = DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "OPENAI_BASE_URL", modelServer.url("/v1").toString(), "DEFT_MODEL", "shop-model",
                "DEFT_VAULT_PASSPHRASE", "correct horse battery staple", "DEFT_KEYRING", "off"), Clock.systemUTC());
        workspace.vault().put("card", CARD);
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
        shop.close();
        modelServer.shutdown();
    }

    /** @param placeOrder whether the person says yes to placing the order; every other approval is a yes */
    private RunResult buy(boolean placeOrder) {
        RunSpec spec = RunSpec.builder("buy the cheapest USB cable in the shop, paying with my card {{secret:card}}")
                .planner(RunSpec.PlannerChoice.LLM).maxSteps(20).surface(RunSpec.SurfaceChoice.BROWSER)
                .startUrl(shop.url("shop/?reset=1")).headless(true).incognito(true).build();
        ApprovalGate person = new ApprovalGate() {
            @Override
            public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
                asked.add(request);
                boolean yes = placeOrder || !request.summary().contains("Place order");
                return CompletableFuture.completedFuture(new ApprovalDecision(yes, "test person", Instant.now()));
            }
        };
        RunListener listener = new RunListener() {
            @Override
            public void on(RunEvent event) {
                events.add(event);
            }

            @Override
            public void modelText(String run, String fragment) {
                synchronized (thinking) {
                    thinking.append(fragment);
                }
            }
        };
        return workspace.run(spec, person, listener, new RunControl());
    }

    @Test
    void aModelSearchesAddsToTheCartChecksOutAndOrdersOnceApproved() {
        RunResult result = buy(true);

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
        assertThat(result.summary()).contains("USB Cable 1 m").contains("Order #");
        assertThat(shop.record().orders()).singleElement().satisfies(placed -> {
            assertThat(placed.lines()).extracting(DemoRecord.Line::product).containsExactly("usb-a-1m");
            assertThat(placed.amount()).isEqualByComparingTo(new BigDecimal("4.50"));
            assertThat(placed.cardLast4()).isEqualTo("4242");
        });

        // going to the checkout pays, a secret typed into a field that is not a password is shown first, and the order
        assertThat(asked).extracting(ApprovalRequest::risk).containsExactly(RiskClass.PAY, RiskClass.ACCOUNT, RiskClass.PAY);
        ApprovalRequest order = asked.get(2);
        assertThat(order.action()).isInstanceOf(Action.Click.class);
        assertThat(order.summary()).contains("Place order");
        assertThat(order.payload()).containsEntry("Card number", "••••").containsKey("amount shown");
        assertThat(asked).allSatisfy(a -> assertThat(a.payload().toString()).doesNotContain(CARD));

        // search, add, cart, checkout, four fields, order: each a step the model planned from a fresh observation
        assertThat(result.llmCalls()).isEqualTo(model.requests.size()).isGreaterThanOrEqualTo(6);
        assertThat(model.requests).allSatisfy(body -> assertThat(body.toString()).doesNotContain(CARD)
                .doesNotContain("4242424242424242"));
        assertThat(model.requests.get(0).get("stream").asBoolean()).isTrue();
        assertThat(thinking.toString()).contains("Looking at " + shop.url("shop/?reset=1"));

        RunJournal.RunRecord run = workspace.journal().find(result.run()).orElseThrow();
        assertThat(run.run().llmCalls()).isEqualTo(result.llmCalls());
        assertThat(run.steps()).extracting(RunJournal.StepRecord::kind).contains("type", "click", "finish");
        assertThat(run.steps()).filteredOn(step -> !step.kind().equals("finish"))
                .allSatisfy(step -> assertThat(step.screenshot()).isPresent());
    }

    @Test
    void whenThePersonSaysNoTheModelsOrderIsNeverPlaced() {
        RunResult result = buy(false);

        assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(shop.record().orders()).isEmpty();
        assertThat(asked.get(asked.size() - 1).summary()).contains("Place order");
        assertThat(events).filteredOn(RunEvent.ApprovalDecided.class::isInstance)
                .extracting(e -> ((RunEvent.ApprovalDecided) e).approved()).containsExactly(true, true, false);
        JsonNode last = model.requests.get(model.requests.size() - 1);
        assertThat(last.toString()).contains("button \\\"Place order\\\"");
    }
}
