package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** {@code deft run} as a person types it, through the README's launcher, asking for desktop work in plain words. */
class DesktopRunIT {
    @TempDir
    Path home;
    private TestDesktop desktop;
    private List<String> windowsBefore;

    private record Result(int status, List<JsonNode> events, String err) {
        JsonNode last(String event) {
            return events.stream().filter(e -> e.path("event").asText().equals(event)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no " + event + " in " + events + "\n" + err));
        }
    }

    @BeforeEach
    void start() {
        desktop = new TestDesktop(home);
        windowsBefore = new X11Windows(Clock.systemUTC()).all().stream().map(DesktopWindow::id).toList();
    }

    @AfterEach
    void stop(TestInfo test) {
        TestDesktop.screenshot("DesktopRunIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        // what Deft launched outlives it, as a person expects; the test closes it by its window's process
        new X11Windows(Clock.systemUTC()).all().stream().filter(w -> !windowsBefore.contains(w.id()))
                .forEach(desktop::closeProcessOf);
        desktop.close();
    }

    @Test
    void openTheCalculatorOnTheDesktopSurface() throws Exception {
        Result run = deft("run", "--json", "--surface", "desktop", "open the calculator");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.events()).filteredOn(e -> e.path("event").asText().equals("step_finished"))
                .extracting(e -> e.path("detail").asText()).anyMatch(detail -> detail.startsWith("Launched galculator"));
        assertThat(new X11Windows(Clock.systemUTC()).focused()).map(DesktopWindow::title).contains("galculator");
        JsonNode launched = run.events().stream().filter(e -> e.path("step").asInt() == 1
                && e.path("event").asText().equals("step_finished")).findFirst().orElseThrow();
        Path screenshot = Path.of(launched.path("screenshot").asText());
        assertThat(screenshot).startsWith(home.resolve("deft-data")).exists();
        assertThat(javax.imageio.ImageIO.read(screenshot.toFile()).getWidth()).isLessThan(1920);
    }

    @Test
    void aRequestNamingAnInstalledApplicationGoesToTheDesktopByItself() throws Exception {
        Result run = deft("run", "--json", "open the calculator, then type \"12+34=\", then read the display");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.last("run_started").path("request").asText()).startsWith("open the calculator");
        assertThat(run.last("run_finished").path("summary").asText()).containsPattern("(?m)^46\\b");
    }

    @Test
    void aDesktopRequestTheGrammarDoesNotKnowIsAnsweredHonestly() throws Exception {
        Result run = deft("run", "--json", "--surface", "desktop", "make the calculator purple");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.last("run_finished").path("summary").asText()).contains("did not understand")
                .contains("open the calculator");
    }

    private Result deft(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of("deft").toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().putAll(desktop.env());
        builder.environment().put("DEFT_DATA_DIR", home.resolve("deft-data").toString());
        builder.environment().put("DEFT_CONFIG", home.resolve("config.json").toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("deft " + String.join(" ", args) + " ended").isTrue();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                events.add(json.readTree(line));
            }
        }
        return new Result(process.exitValue(), events, Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
