package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.app.DeftWorkspace;
import dev.deft.browser.Demonstration;
import dev.deft.browser.PageServer;
import dev.deft.core.RecordedStep;
import dev.deft.skill.SkillDrafts;
import dev.deft.skill.SkillFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Skills recorded by a person's hands on four pages of different styles (a profile form, a contact form, settings
 * built from ARIA switches and radios, a table with an Edit button per row), replayed with
 * {@code deft skills run NAME --headless --approve deny} on copies of those pages changed the way sites change.
 * Where the recorded task is still there, the replay does it; where it is gone, ambiguous, or now something that
 * deletes or pays, the replay halts (exit 1) or stops at an approval (exit 3) and the page's server receives nothing.
 * The cases are in {@code drift/cases.txt}.
 */
class SkillDriftIT {
    static PageServer server;
    static Path home;

    @BeforeAll
    static void recordTheTasks() throws Exception {
        home = Files.createTempDirectory("deft-drift");
        server = PageServer.start();
        for (String task : List.of("profile", "contact", "settings", "people")) {
            server.page("/" + task + "/", page(task, "original"));
        }
        keep("profile", Demonstration.record(home.resolve("browser"), server.url("/profile/"), person -> {
            person.replace("#full-name", "Grace Hopper");
            person.replace("#email", "grace@example.org");
            person.replace("#job-title", "Rear admiral");
            person.click("#save-profile");
            person.awaitText("The server received it.");
        }));
        keep("contact", Demonstration.record(home.resolve("browser"), server.url("/contact/"), person -> {
            person.replace("[name=name]", "Lin Wei");
            person.replace("[name=email]", "lin@example.org");
            person.replace("[name=message]", "Is my card ready?");
            person.click("#send-message");
            person.awaitText("The server received it.");
        }));
        keep("settings", Demonstration.record(home.resolve("browser"), server.url("/settings/"), person -> {
            person.click("[aria-labelledby=news-label]");
            person.click("[data-value=weekly]");
            person.click("#save-prefs");
            person.awaitText("Saved.");
        }));
        keep("people", Demonstration.record(home.resolve("browser"), server.url("/people/"), person -> {
            person.click("tr[data-id=ada] button");
            person.await("return document.getElementById('editor').open");
            person.replace("[name=phone]", "555-0199");
            person.click("#editor button[type=submit]");
            person.awaitText("The server received it.");
        }));
        server.forget();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void keep(String task, List<RecordedStep> steps) throws IOException {
        Path skills = Files.createDirectories(home.resolve("data/skills"));
        SkillFiles.write(SkillDrafts.fromRecording(task, "Recorded on " + server.url("/" + task + "/"), List.of(), steps),
                skills.resolve(task + ".json"));
    }

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = SkillDriftIT.class.getResourceAsStream("/drift/cases.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().split("\\s+", 4))
                    .map(part -> Arguments.of(part[0], part[1], part[2], part[3])).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("cases")
    void replayOnAChangedCopy(String task, String copy, String expected, String what) {
        server.page("/" + task + "/", page(task, copy));
        server.forget();

        CliRun run = deft("skills", "run", task, "--headless", "--approve", "deny", "--json");

        String said = run.out() + run.err();
        switch (expected) {
            case "done" -> {
                assertThat(run.status()).as(said).isZero();
                assertThat(server.received()).as(said).singleElement().satisfies(got -> received(got, what));
            }
            case "ask" -> {
                assertThat(run.status()).as(said).isEqualTo(3);
                JsonNode asked = run.last("approval_requested");
                String[] risk = what.split(" ", 2);
                assertThat(asked.path("risk").asText()).as(said).isEqualToIgnoringCase(risk[0]);
                assertThat(asked.path("action").asText()).as(said).contains("\"" + risk[1] + "\"");
                assertThat(server.received()).as(said).isEmpty();
            }
            case "halt" -> {
                assertThat(run.status()).as(said).isEqualTo(1);
                String summary = run.last("run_finished").path("summary").asText();
                assertThat(summary).as(said).startsWith("Step ").contains("of the skill " + task).contains(what);
                assertThat(said).doesNotContain("approval_requested");
                assertThat(server.received()).as(said).isEmpty();
            }
            default -> throw new IllegalArgumentException("no expectation " + expected);
        }
    }

    @Test
    void theRecordingsKeepWhatAReplayNeeds() throws IOException {
        String profile = Files.readString(home.resolve("data/skills/profile.json"));
        String settings = Files.readString(home.resolve("data/skills/settings.json"));
        String people = Files.readString(home.resolve("data/skills/people.json"));

        // ids made of words are kept; each target says what kind of thing it is
        assertThat(profile).contains("\"css\" : \"#job-title\"").contains("\"css\" : \"#save-profile\"")
                .contains("\"role\" : [ \"button\", \"Save\" ]");
        // switches and radios drawn with ARIA are recorded as the state they were put in
        assertThat(settings.split("\"action\" : \"set_checked\"", -1)).hasSize(3);
        assertThat(settings).contains("\"name\" : \"Email me about new features\"").contains("\"name\" : \"Weekly\"");
        // one of three alike Edit buttons: an XPath through its row's heading, and the heading to tell them apart
        assertThat(people).contains("and normalize-space(.)='Ada Lovelace']").contains("\"near\" : \"Ada Lovelace\"");
    }

    @Test
    void theXPathARecordingWroteFindsItsElementFirst() {
        server.page("/people/", page("people", "original"));
        server.forget();

        CliRun run = deft("skills", "run", "people", "--headless", "--approve", "deny", "--json");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        JsonNode edit = run.events().stream().filter(e -> e.path("event").asText().equals("step_finished")
                && e.path("step").asInt() == 2).findFirst().orElseThrow();
        assertThat(edit.path("detail").asText()).startsWith("Clicked button \"Edit\" in \"Ada Lovelace\"")
                .doesNotContain("found by");
    }

    /** A form's fields ({@code name=value; …}) or a fragment of a fetched JSON body, at a path. */
    private static void received(PageServer.Received got, String what) {
        String[] part = what.split(" ", 2);
        assertThat(got.path()).isEqualTo(part[0]);
        if (part[1].startsWith("{")) {
            assertThat(got.body()).contains(part[1].substring(1, part[1].length() - 1));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(part[1].split(";\\s*")).map(pair -> pair.split("=", 2)).forEach(p -> fields.put(p[0], p[1]));
        assertThat(got.fields()).containsAllEntriesOf(fields);
    }

    private static CliRun deft(String... args) {
        Map<String, String> env = Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "DEFT_BUILTIN_SKILLS", home.resolve("none").toString(), "DEFT_KEYRING", "off");
        return CliRun.of(() -> DeftWorkspace.open(env, Clock.systemUTC()), "", false, args);
    }

    private static String page(String task, String copy) {
        try (InputStream in = SkillDriftIT.class.getResourceAsStream("/drift/" + task + "/" + copy + ".html")) {
            if (in == null) {
                throw new IllegalArgumentException("no page drift/" + task + "/" + copy + ".html");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
