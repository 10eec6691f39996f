package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * A recorded skill ("send-email", as {@code RecordSkillIT} records it) replayed through Deft's own wiring on the demo
 * mail, in a real browser: picked from a request with no model call, run by name on a redesigned page, and stopped
 * with the broken step named when none of a step's locators holds.
 */
class SkillReplayIT {
    @TempDir
    Path home;
    DemoServer site;
    MockWebServer model;
    final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        site = DemoServer.start();
        model = new MockWebServer();
        model.start();
        Files.createDirectories(home.resolve("builtin"));
        Files.createDirectories(home.resolve("data/skills"));
        Files.writeString(home.resolve("data/skills/send-email.json"), recorded());
    }

    @AfterEach
    void stop() throws IOException {
        site.close();
        model.shutdown();
    }

    private String recorded() throws IOException {
        try (InputStream in = SkillReplayIT.class.getResourceAsStream("/skills/send-email.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{site}}", site.url(""));
        }
    }

    /** A workspace with a model set up, so that a model call would show on its server. */
    private DeftWorkspace workspace() {
        return DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "OPENAI_BASE_URL", model.url("/v1").toString(), "DEFT_MODEL", "never-asked",
                "DEFT_BUILTIN_SKILLS", home.resolve("builtin").toString(), "DEFT_KEYRING", "off"), Clock.systemUTC());
    }

    private static RunSpec spec(String request, RunSpec.PlannerChoice planner) {
        return RunSpec.builder(request).planner(planner).maxSteps(20).headless(true).incognito(true).build();
    }

    @Test
    void withAModelTheBrokenStepIsRepairedOnceAndKeptInTheSkill() throws Exception {
        Path file = breakTheSendStep();
        List<String> prompts = new CopyOnWriteArrayList<>();
        model.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                String body = request.getBody().readUtf8();
                prompts.add(body);
                java.util.regex.Matcher send = java.util.regex.Pattern.compile("\\[(\\d+)] button \\\\\"Send\\\\\"")
                        .matcher(body);
                try {
                    return send.find()
                            ? OpenAiStream.answer(prompts.size(), "The Send button.", List.of(
                                    new OpenAiStream.Call("click", Map.of("on", Map.of("element",
                                            Integer.parseInt(send.group(1)), "text", "Send"))),
                                    new OpenAiStream.Call("finish", Map.of("summary", "Sent.", "success", true))))
                            : OpenAiStream.answer(prompts.size(), "?", List.of(new OpenAiStream.Call("finish",
                                    Map.of("summary", "No Send button.", "success", false))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try (DeftWorkspace deft = workspace()) {
            RunResult result = deft.runSkill("send-email", Map.of("to", "fay@example.org"),
                    spec("skill send-email", RunSpec.PlannerChoice.SKILL), person, events::add, new RunControl());

            assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
            assertThat(result.llmCalls()).isEqualTo(1);
            assertThat(prompts.get(0)).contains("Do one step of a recorded task").contains("Transmit");
            assertThat(site.record().mails()).extracting(DemoRecord.Mail::to).containsExactly("fay@example.org");
        }
        String repaired = Files.readString(file);
        assertThat(repaired).contains("\"revision\" : 2").contains("\"text\" : \"Send\"").doesNotContain("Transmit");
        assertThat(home.resolve("data/skills/.versions/send-email.r1.json")).exists();

        // the repaired skill replays with no model call
        try (DeftWorkspace deft = workspace()) {
            RunResult again = deft.runSkill("send-email", Map.of("to", "gus@example.org"),
                    spec("skill send-email", RunSpec.PlannerChoice.SKILL), person, events::add, new RunControl());
            assertThat(again.status()).as(again.summary()).isEqualTo(RunStatus.DONE);
            assertThat(again.llmCalls()).isZero();
        }
        assertThat(prompts).hasSize(1);
    }

    private final ApprovalGate person = new ApprovalGate() {
        @Override
        public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
            asked.add(request);
            return CompletableFuture.completedFuture(new ApprovalDecision(true, "test person", Instant.now()));
        }
    };

    @Test
    void aRequestPicksTheRecordedSkillWithItsParametersAndNoModelCall() {
        try (DeftWorkspace deft = workspace()) {
            RunResult result = deft.run(spec("email bob@example.org about the picnic", RunSpec.PlannerChoice.AUTO),
                    person, events::add, new RunControl());

            assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
            assertThat(result.llmCalls()).isZero();
            assertThat(model.getRequestCount()).isZero();
            assertThat(events).filteredOn(RunEvent.PlanMade.class::isInstance)
                    .allSatisfy(e -> assertThat(((RunEvent.PlanMade) e).planner()).isEqualTo("skill"));
            assertThat(site.record().mails()).containsExactly(
                    new DemoRecord.Mail("bob@example.org", "the picnic", "Bring a blanket."));
            // sending is still the person's to approve, with the payload to read
            assertThat(asked).singleElement().satisfies(a -> {
                assertThat(a.risk()).isEqualTo(RiskClass.SEND);
                assertThat(a.payload().values()).contains("bob@example.org");
            });
        }
    }

    @Test
    void theSkillStillWorksOnTheRedesignedPage() {
        site.redesigned(true);
        try (DeftWorkspace deft = workspace()) {
            RunResult result = deft.runSkill("send-email", Map.of("to", "carol@example.org", "subject", "Rain plan",
                    "message", "Umbrellas."), spec("skill send-email", RunSpec.PlannerChoice.SKILL), person, events::add,
                    new RunControl());

            assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.DONE);
            assertThat(site.record().mails()).containsExactly(new DemoRecord.Mail("carol@example.org", "Rain plan", "Umbrellas."));
        }
    }

    /** Breaks the recorded Send step: none of its locators finds anything on the page any more. */
    private Path breakTheSendStep() throws IOException {
        Path file = home.resolve("data/skills/send-email.json");
        Files.writeString(file, Files.readString(file).replace("\"name\" : \"Send\",\n      \"text\" : \"Send\",\n      \"css\" : \"#send\",",
                "\"name\" : \"Transmit\",\n      \"text\" : \"Transmit\",\n      \"css\" : \"#transmit\",")
                .replace("button[normalize-space(.)='Send']", "button[normalize-space(.)='Transmit']")
                .replace("\"near\" : \"New message\"\n    }\n  } ]", "\"near\" : \"Nothing like this\"\n    }\n  } ]"));
        return file;
    }

    @Test
    void withoutAModelAStepNoLocatorFindsStopsTheRunAndSaysWhichStep() throws IOException {
        breakTheSendStep();
        try (DeftWorkspace deft = DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "DEFT_BUILTIN_SKILLS", home.resolve("builtin").toString()), Clock.systemUTC())) {
            RunResult result = deft.runSkill("send-email", Map.of("to", "dan@example.org"),
                    spec("skill send-email", RunSpec.PlannerChoice.SKILL), person, events::add, new RunControl());

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.summary()).startsWith("Step 5 of the skill send-email (Click").contains("broke:")
                    .contains("deft record send-email");
            assertThat(site.record().mails()).isEmpty();
        }
    }
}
