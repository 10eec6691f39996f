package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.RiskClass;
import dev.deft.core.RunEvent;
import dev.deft.core.RunJournal;
import dev.deft.core.RunResult;
import dev.deft.core.RunStatus;
import dev.deft.core.Target;
import dev.deft.llm.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs driven by a model's scripted replies through the real loop, risk rules and journal. */
class ModelPlannerTest {
    private static final Target SEARCH_BOX = Target.of(new Locator.ElementNumber(1), new Locator.Name("Search"));

    @TempDir
    Path folder;

    @Test
    void aModelDrivesAMultiStepRunToItsSummaryAndTheJournalKeepsItsCost() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("search-for-cable", "read-cheapest", "finish-cheapest")) {

            RunResult result = run.run("find the cheapest USB cable in the shop");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(result.summary()).isEqualTo("The cheapest USB cable is the USB-C cable 1 m at 7.99 EUR.");
            assertThat(run.shop.performed).containsExactly(
                    new Action.Type(Target.of(new Locator.ElementNumber(1), new Locator.Name("Search"),
                            new Locator.Text("Search")), "USB cable", true),
                    new Action.PressKey(java.util.Optional.of(SEARCH_BOX), "Enter"),
                    // the search led to a new page: the planner let it settle before asking the model again
                    new Action.WaitFor(new Condition.Settled(Duration.ofMillis(500)), Duration.ofSeconds(5)),
                    new Action.Extract(java.util.Optional.of(new Target(List.of(new Locator.ElementNumber(4),
                            new Locator.Name("USB-C cable 1 m — 7.99 EUR")))), Action.Extract.What.TEXT));
            assertThat(run.thinking).containsSubsequence("I will search the s", "hop for a USB cable.");
            RunJournal.RunRecord record = run.journalled(result);
            assertThat(record.run().status()).isEqualTo(RunStatus.DONE);
            assertThat(record.run().planner()).isEqualTo("llm");
            assertThat(record.run().llmCalls()).isEqualTo(3);
            assertThat(record.run().tokens().input()).isEqualTo(2700);
            assertThat(record.run().tokens().output()).isEqualTo(120);
            assertThat(record.steps()).extracting(RunJournal.StepRecord::kind)
                    .containsExactly("type", "press_key", "wait_for", "extract", "finish");
            assertThat(record.steps().get(0).reason()).isEqualTo("the search box");
            assertThat(record.decisions().get(0).thought()).isEqualTo("I will search the shop for a USB cable.");
            RunEvent.RunFinished finished = (RunEvent.RunFinished) run.events.get(run.events.size() - 1);
            assertThat(finished.body()).containsEntry("llm_calls", 3).containsEntry("input_tokens", 2700L);

            List<JsonNode> sent = run.requests();
            assertThat(sent).hasSize(3);
            String second = sent.get(1).path("messages").get(1).path("content").asText();
            assertThat(second).contains("Request: find the cheapest USB cable in the shop")
                    .contains("1. Type \"USB cable\" into \"Search\" (#1) [INPUT] → done")
                    .contains("2. Press Enter in \"Search\" (#1) [SUBMIT] → done")
                    .contains("[4] link \"USB-C cable 1 m — 7.99 EUR\"");
            String third = sent.get(2).path("messages").get(1).path("content").asText();
            assertThat(third).containsPattern("It read:\\n<<<UNTRUSTED page \\w+ .*\\nUSB-C cable 1 m — 7.99 EUR\\nEND UNTRUSTED page \\w+>>>");
        }
    }

    @Test
    void theSystemPromptAndToolsAreTheSameEveryStepSoProvidersCanCacheThem() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("search-for-cable", "finish-done")) {
            run.run("search the shop for a USB cable");

            List<JsonNode> sent = run.requests();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).path("tools")).isEqualTo(sent.get(0).path("tools"));
            assertThat(sent.get(1).path("messages").get(0)).isEqualTo(sent.get(0).path("messages").get(0));
            assertThat(sent.get(0).path("messages").get(0).path("role").asText()).isEqualTo("system");
        }
    }

    @Test
    void malformedJsonArgumentsAreSentBackAndOnlyTheCorrectedCallIsPerformed() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("click-malformed", "click-search", "finish-done")) {

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(run.shop.performed).containsExactly(new Action.Click(new Target(List.of(
                    new Locator.ElementNumber(2), new Locator.Name("Search")))));
            assertThat(result.llmCalls()).isEqualTo(3);
            JsonNode retry = run.requests().get(1).path("messages");
            assertThat(retry.get(2).path("tool_calls").get(0).path("function").path("arguments").asText())
                    .isEqualTo("{\"on\": {\"element\": 2");
            assertThat(retry.get(3).path("role").asText()).isEqualTo("tool");
            assertThat(retry.get(3).path("content").asText()).startsWith("Refused: The arguments of click are not valid JSON");
        }
    }

    @Test
    void aCallToAToolThatDoesNotExistIsSentBackWithTheToolsThereAre() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("unknown-tool", "finish-done")) {

            RunResult result = run.run("buy a USB cable");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(run.shop.performed).isEmpty();
            String refusal = run.requests().get(1).path("messages").get(3).path("content").asText();
            assertThat(refusal).contains("There is no tool \"buy_now\"").contains("click").contains("finish");
        }
    }

    @Test
    void anElementNumberThatIsNotOnThePageIsAnErrorForTheModelNotAnAction() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("click-element-42", "click-search", "finish-done")) {

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(run.shop.performed).extracting(a -> a.target().orElseThrow().primary())
                    .containsExactly(new Locator.ElementNumber(2));
            String refusal = run.requests().get(1).path("messages").get(3).path("content").asText();
            assertThat(refusal).contains("there is no element 42").contains("[1, 2, 3, 8, 9]");
        }
    }

    @Test
    void anEmptyReplyOrOneWithoutToolCallsIsAskedAgain() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("empty", "prose-only", "finish-done")) {

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(result.llmCalls()).isEqualTo(3);
            List<JsonNode> sent = run.requests();
            assertThat(sent.get(1).path("messages").get(3).path("content").asText())
                    .startsWith("The reply was empty. Answer only by calling tools");
            assertThat(sent.get(2).path("messages").get(5).path("content").asText())
                    .startsWith("The reply called no tool.");
        }
    }

    @Test
    void aModelThatNeverAnswersUsablyEndsTheRunWithTheLastReasonAndNothingPerformed() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("click-element-42", "unknown-tool", "finish-then-click")) {

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.summary()).startsWith("The model test-model gave no usable answer in 3 tries")
                    .contains("finish must be the last call").doesNotContain("\n");
            assertThat(result.llmCalls()).isEqualTo(3);
            assertThat(run.shop.performed).isEmpty();
            RunJournal.RunRecord record = run.journalled(result);
            assertThat(record.run().status()).isEqualTo(RunStatus.FAILED);
            assertThat(record.run().summary()).isEqualTo(result.summary());
            assertThat(record.steps()).isEmpty();
        }
    }

    @Test
    void anAddressThatIsNotHttpAndASecretDeftDoesNotHaveAreRefused() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("open-file-url", "type-unknown-secret", "finish-done")) {

            RunResult result = run.run("show me the passwords");

            assertThat(result.status()).as("the third reply, a finish, is a good one").isEqualTo(RunStatus.DONE);
            assertThat(run.shop.performed).isEmpty();
            List<JsonNode> sent = run.requests();
            assertThat(sent.get(1).path("messages").get(3).path("content").asText())
                    .contains("open_url takes an http or https address");
            assertThat(sent.get(2).path("messages").get(5).path("content").asText())
                    .contains("names secrets Deft does not have: [bank_pin]");
        }
    }

    @Test
    void aRateLimitIsWaitedOutAsTheServerAsksAndTheRunGoesOn() throws Exception {
        try (ModelRun run = new ModelRun(folder)) {
            run.answers(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
                    .setBody(Fixtures.read("openai/error-429.json"))).replies("finish-done");

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(run.sleeper.waits).containsExactly(Duration.ofSeconds(2));
            assertThat(run.server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatKeepsFailingEndsTheRunWithOneLineAndTheJournalSaysSo() throws Exception {
        try (ModelRun run = new ModelRun(folder)) {
            for (int i = 0; i < 3; i++) {
                run.answers(new MockResponse().setResponseCode(500).setBody(Fixtures.read("openai/error-500.json")));
            }

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.summary()).isEqualTo("The OpenAI-compatible server at " + run.server.url("/v1")
                    .toString().replaceAll("/$", "") + " failed (HTTP 500: The server had an error while processing "
                    + "your request. Sorry about that!) 3 times in a row: try again later.");
            assertThat(result.llmCalls()).isEqualTo(1);
            assertThat(run.sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(run.journalled(result).run().summary()).isEqualTo(result.summary());
            assertThat(run.shop.performed).isEmpty();
        }
    }

    @Test
    void aModelThatDoesNotAnswerInTimeEndsTheRunSayingSo() throws Exception {
        try (ModelRun run = new ModelRun(folder).timeout(Duration.ofMillis(250))) {
            for (int i = 0; i < 3; i++) {
                run.answers(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            }

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.summary()).contains("did not answer within 0.3 s (3 tries)").doesNotContain("\n");
            assertThat(run.journalled(result).run().status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.shop.performed).isEmpty();
        }
    }

    @Test
    void aModelServerThatRefusesTheConnectionEndsTheRunSayingWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (ModelRun run = new ModelRun(folder).at("http://127.0.0.1:" + closed + "/v1")) {

            RunResult result = run.run("search the shop");

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.summary()).startsWith("Cannot reach the OpenAI-compatible server at http://127.0.0.1:" + closed)
                    .endsWith("check OPENAI_BASE_URL and that the server is running.");
            assertThat(run.journalled(result).run().summary()).isEqualTo(result.summary());
        }
    }

    @Test
    void aModelThatClaimsAnOrderIsOnlyAReadStillNeedsApprovalAndARefusalStopsIt() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("order-claimed-read")) {

            RunResult result = run.run("buy the cable");

            assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
            assertThat(run.approvalsAsked).singleElement().satisfies(asked -> {
                assertThat(asked.risk()).isEqualTo(RiskClass.PAY);
                assertThat(asked.payload().get("target")).contains("Place order");
            });
            assertThat(run.shop.performed).isEmpty();
            assertThat(run.journalled(result).approvals()).singleElement()
                    .satisfies(a -> assertThat(a.approved()).contains(false));
        }
    }

    @Test
    void aModelCannotSendWithoutApprovalByCallingTheButtonSomethingElse() throws Exception {
        try (ModelRun run = new ModelRun(folder).replies("send-claimed-read")) {

            RunResult result = run.run("message the seller");

            assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
            assertThat(run.approvalsAsked).singleElement()
                    .satisfies(asked -> assertThat(asked.risk()).isEqualTo(RiskClass.SEND));
            assertThat(run.shop.performed).isEmpty();
        }
    }

    @Test
    void aModelMayRaiseTheRiskOfAnActionAndThenItWaitsForApproval() throws Exception {
        try (ModelRun run = new ModelRun(folder).approving().replies("type-claimed-send", "finish-done")) {

            RunResult result = run.run("say hello");

            assertThat(result.status()).isEqualTo(RunStatus.DONE);
            assertThat(run.approvalsAsked).singleElement()
                    .satisfies(asked -> assertThat(asked.risk()).isEqualTo(RiskClass.SEND));
            assertThat(run.shop.performed).hasSize(1);
        }
    }
}
