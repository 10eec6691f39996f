package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.browser.PageServer;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command planner and the model planner name a harmless thing; what the browser finds for it just before the
 * click is something that deletes. The step stops at an approval for what was found, whoever planned it, and the
 * page's server hears nothing.
 */
class ResolvedTargetPlannersIT {
    @TempDir
    Path home;
    PageServer site;
    MockWebServer modelServer;
    final List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();

    private final ApprovalGate sayingNo = new ApprovalGate() {
        @Override
        public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
            asked.add(request);
            return CompletableFuture.completedFuture(ApprovalDecision.reject("test person", Instant.now()));
        }
    };

    @BeforeEach
    void start() throws Exception {
        site = PageServer.start();
        modelServer = new MockWebServer();
        modelServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
        modelServer.shutdown();
    }

    private DeftWorkspace workspace() {
        return DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "OPENAI_BASE_URL", modelServer.url("/v1").toString(), "DEFT_MODEL", "notes-model",
                "DEFT_BUILTIN_SKILLS", home.resolve("none").toString(), "DEFT_KEYRING", "off"), Clock.systemUTC());
    }

    private static RunSpec spec(String request, RunSpec.PlannerChoice planner, String url) {
        return RunSpec.builder(request).planner(planner).maxSteps(8).surface(RunSpec.SurfaceChoice.BROWSER)
                .startUrl(url).headless(true).incognito(true).build();
    }

    @Test
    void aModelsHarmlessWordThatTheBrowserFindsOnADeletingButtonStopsForApprovalOfThatButton() {
        site.page("/notes/", """
                <!doctype html><title>Notes</title>
                <h1>Notes</h1>
                <label>Note <textarea id="note">Buy milk</textarea></label>
                <button id="purge" onclick="fetch('/purge', {method: 'POST', body: 'all'})">Save and delete all</button>
                """);
        modelServer.setDispatcher(new Dispatcher() {
            private int turn;

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return ++turn == 1
                            ? OpenAiStream.answer(turn, "Saving.", List.of(new OpenAiStream.Call("click",
                                    Map.of("on", Map.of("text", "Save")))))
                            : OpenAiStream.answer(turn, "Stopped.", List.of(new OpenAiStream.Call("finish",
                                    Map.of("summary", "Not saved.", "success", false))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        RunResult result;
        try (DeftWorkspace deft = workspace()) {
            result = deft.run(spec("save my note", RunSpec.PlannerChoice.LLM, site.url("/notes/")), sayingNo,
                    events::add, new RunControl());
        }

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.REJECTED);
        assertThat(events).filteredOn(RunEvent.StepPlanned.class::isInstance).map(RunEvent.StepPlanned.class::cast)
                .filteredOn(planned -> planned.action().kind().equals("click")).singleElement()
                .satisfies(planned -> assertThat(planned.risk()).isEqualTo(RiskClass.SUBMIT));
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.risk()).isEqualTo(RiskClass.DELETE);
            assertThat(request.summary()).contains("Save and delete all");
        });
        assertThat(site.received()).isEmpty();
    }

    @Test
    void aButtonThatBecameADeletionAfterTheCommandPlannerChoseItStopsForApprovalOfWhatItIsNow() {
        site.page("/state", "save");
        site.page("/draft/", """
                <!doctype html><title>Draft</title>
                <h1>Draft</h1>
                <p>A shared draft: what its button does is up to whoever holds it.</p>
                <button id="act">Save</button>
                <script>
                  const button = document.getElementById('act');
                  button.addEventListener('click', () => fetch('/' + button.dataset.does, {method: 'POST', body: 'x'}));
                  button.dataset.does = 'save';
                  setInterval(async () => {
                    const state = (await (await fetch('/state')).text()).trim();
                    if (state === 'delete' && button.dataset.does !== 'delete') {
                      button.dataset.does = 'delete';
                      button.textContent = 'Delete the draft';
                      fetch('/changed');
                    }
                  }, 50);
                </script>
                """);
        RunListener changingThePage = event -> {
            if (event instanceof RunEvent.StepPlanned planned && planned.action().kind().equals("click")) {
                // someone else turns the button into a deletion after Deft chose it and before it acts
                site.page("/state", "delete");
                awaitChanged();
            }
            events.add(event);
        };

        RunResult result;
        try (DeftWorkspace deft = workspace()) {
            result = deft.run(spec("click Save", RunSpec.PlannerChoice.COMMAND, site.url("/draft/")), sayingNo,
                    changingThePage, new RunControl());
        }

        assertThat(result.status()).as(result.summary()).isEqualTo(RunStatus.REJECTED);
        assertThat(events).filteredOn(RunEvent.StepPlanned.class::isInstance).map(RunEvent.StepPlanned.class::cast)
                .filteredOn(planned -> planned.action().kind().equals("click")).singleElement()
                .satisfies(planned -> assertThat(planned.risk()).isLessThan(RiskClass.SEND));
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.risk()).isEqualTo(RiskClass.DELETE);
            assertThat(request.summary()).contains("Delete the draft");
        });
        assertThat(site.received()).isEmpty();
    }

    /** Until the page says it changed its button, up to ten seconds. */
    private void awaitChanged() {
        long until = System.nanoTime() + 10_000_000_000L;
        try {
            while (site.hits("/changed") == 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(site.hits("/changed")).as("the page changed its button").isPositive();
    }
}
