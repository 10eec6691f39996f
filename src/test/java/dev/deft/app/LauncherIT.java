package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's launcher, as a new user runs it: a separate process with its own data folder. */
class LauncherIT {
    @TempDir
    Path home;

    private record Result(int status, String out, String err) {
    }

    private Result deft(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of("deft").toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("DEFT_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("DEFT_CONFIG", home.resolve("config.json").toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("deft " + String.join(" ", args) + " ended").isTrue();
        return new Result(process.exitValue(), Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aRequestRunsThroughTheLauncherAndHistoryListsIt() throws Exception {
        assertThat(Path.of("target", "deft.jar")).as("mvn package ran before this test").exists();

        Result run = deft("run", "--json", "finish");

        assertThat(run.status()).as(run.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            events.add(json.readTree(line));
        }
        assertThat(events).extracting(e -> e.get("event").asText()).startsWith("run_started").endsWith("run_finished");
        String id = events.get(0).get("run").asText();
        assertThat(events.get(events.size() - 1).get("status").asText()).isEqualTo("done");

        Result history = deft("history");
        assertThat(history.status()).isZero();
        assertThat(history.out()).contains(id).contains("done");
        assertThat(Path.of(home.resolve("data").toString(), "deft.log")).exists();
    }

    @Test
    void badUsageThroughTheLauncherIsOneLineAndExitTwo() throws Exception {
        Result result = deft("run", "--max-steps", "0", "finish");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("deft: ").doesNotContain("\n").contains("--max-steps");
    }

    @Test
    void theVersionAnswers() throws Exception {
        Result result = deft("--version");

        assertThat(result.status()).isZero();
        assertThat(result.out().strip()).startsWith("deft ");
    }

    @Test
    void ctrlCStopsARunBeforeItsNextActionAndTheJournalSaysSo() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("deft").toAbsolutePath().toString(), "run", "--headless",
                "--json", "open the shop, then wait for \"a text the shop never shows\", then click Cart")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("DEFT_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("DEFT_CONFIG", home.resolve("config.json").toString());
        builder.environment().put("OLLAMA_HOST", "127.0.0.1:1");
        Process deft = builder.start();
        String run;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(deft.getInputStream(), StandardCharsets.UTF_8))) {
            ObjectMapper json = new ObjectMapper();
            String line;
            String id = null;
            while ((line = out.readLine()) != null) {
                JsonNode event = json.readTree(line);
                id = event.get("run").asText();
                if (event.get("event").asText().equals("step_planned") && event.get("kind").asText().equals("wait_for")) {
                    break;
                }
            }
            assertThat(line).as("the run reached its wait").isNotNull();
            run = id;
            new ProcessBuilder("kill", "-INT", Long.toString(deft.pid())).start().waitFor();
            assertThat(deft.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            deft.destroyForcibly();
        }

        Result show = deft("show", "--json", run);
        JsonNode record = new ObjectMapper().readTree(show.out());
        assertThat(record.get("status").asText()).isEqualTo("failed");
        assertThat(record.get("summary").asText()).contains("Ctrl+C");
        assertThat(record.get("timeline")).noneSatisfy(step -> assertThat(step.get("kind").asText()).isEqualTo("click"));
    }
}
