package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deft.app.DeftWorkspace;
import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.Vault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deft demo} with no terminal: the real workspace runs the tour headless, and nothing risky gets through. */
class DemoCommandIT {
    @TempDir
    Path home;

    @Test
    void theTourRunsEveryRequestAndRefusesWhatWouldPayOrSendWithNoTerminalToAsk() {
        AtomicReference<JsonNode> record = new AtomicReference<>();
        Map<String, String> env = Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1");
        Workspace.Opener opener = () -> new RecordKeeping(DeftWorkspace.open(env, Clock.systemUTC()), record);

        CliRun tour = CliRun.of(opener, "", false, "demo", "--headless");

        assertThat(tour.err()).isEmpty();
        assertThat(tour.out()).contains("The demo sites are at http://127.0.0.1:")
                .contains("Run ").contains("(planner command): open the shop, search for usb cable");
        List<String> endings = tour.out().lines().filter(l -> l.matches("^(Done|Rejected|Failed): .*")).toList();
        assertThat(endings).hasSize(4);
        assertThat(endings.get(0)).startsWith("Rejected: ");
        assertThat(endings.get(1)).startsWith("Done: ").contains("€24.90");
        assertThat(endings.get(2)).startsWith("Done: ");
        assertThat(endings.get(3)).startsWith("Rejected: ");
        assertThat(tour.out().strip()).endsWith("Tour over: 4 requests, 2 done, 2 stopped at an approval, 0 failed. "
                + "Try your own with: deft run \"open the shop and search for teapot\"");
        assertThat(tour.status()).isZero();
        assertThat(record.get().get("orders")).as("orders the shop took").isEmpty();
        assertThat(record.get().get("mails")).as("mails the webmail sent").isEmpty();
    }

    /** The real workspace, which reads the demo server's record just before it stops the server. */
    private record RecordKeeping(Workspace real, AtomicReference<JsonNode> record, AtomicReference<String> address)
            implements Workspace {
        RecordKeeping(Workspace real, AtomicReference<JsonNode> record) {
            this(real, record, new AtomicReference<>());
        }

        @Override
        public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
            return real.run(spec, gate, listener, control);
        }

        @Override
        public List<String> demoRequests() {
            return real.demoRequests();
        }

        @Override
        public String startDemo() {
            address.set(real.startDemo());
            return address.get();
        }

        @Override
        public boolean canShowWindows() {
            return real.canShowWindows();
        }

        @Override
        public RunJournal journal() {
            return real.journal();
        }

        @Override
        public Vault vault() {
            return real.vault();
        }

        @Override
        public void close() {
            try {
                if (address.get() != null) {
                    HttpResponse<String> answer = HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(URI.create(address.get() + "api/record")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    record.set(new ObjectMapper().readTree(answer.body()));
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not read the demo server's record", e);
            } finally {
                real.close();
            }
        }
    }
}
