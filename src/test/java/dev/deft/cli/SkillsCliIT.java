package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.app.DeftWorkspace;
import dev.deft.browser.GridServer;
import dev.deft.demo.DemoRecord;
import dev.deft.demo.DemoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deft skills …} on a recorded skill, in a real browser on the demo mail. */
class SkillsCliIT {
    @TempDir
    Path home;
    DemoServer site;
    Path skillFile;

    @BeforeEach
    void start() throws IOException {
        site = DemoServer.start();
        try (InputStream in = SkillsCliIT.class.getResourceAsStream("/skills/send-email.json")) {
            skillFile = Files.writeString(home.resolve("send-email.json"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{site}}", site.url("")));
        }
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private CliRun deft(String input, boolean interactive, String... args) {
        Map<String, String> env = Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "DEFT_BUILTIN_SKILLS", home.resolve("none").toString(), "DEFT_KEYRING", "off");
        return CliRun.of(() -> DeftWorkspace.open(env, Clock.systemUTC()), input, interactive, args);
    }

    @Test
    void importListShowExportAndDelete() throws IOException {
        assertThat(deft("", false, "skills", "list").out()).contains("No skills yet");

        CliRun imported = deft("", false, "skills", "import", skillFile.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported the skill send-email (5 steps)");

        CliRun listed = deft("", false, "skills", "list", "--json");
        JsonNode skill = listed.events().get(0);
        assertThat(skill.get("name").asText()).isEqualTo("send-email");
        assertThat(skill.get("parameters").findValuesAsText("name")).containsExactly("to", "subject", "message");
        assertThat(deft("", false, "skills", "show", "send-email").out()).contains("\"label\" : \"To\"");

        Path exported = home.resolve("out/copy.json");
        assertThat(deft("", false, "skills", "export", "send-email", exported.toString()).status()).isZero();
        assertThat(Files.readString(exported)).contains("\"name\" : \"send-email\"");

        Files.writeString(home.resolve("data/skills/broken.json"), "{ \"version\": 1, ");
        CliRun withBroken = deft("", false, "skills", "list");
        assertThat(withBroken.out()).contains("send-email");
        assertThat(withBroken.err()).contains("skipped").contains("broken.json: is not valid JSON");

        assertThat(deft("", false, "skills", "delete", "send-email").out()).contains("Deleted the skill send-email.");
        CliRun again = deft("", false, "skills", "show", "send-email");
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("deft: There is no skill named send-email; see `deft skills list`.");
    }

    @Test
    void runByNameWithValuesAsksBeforeSendingAndAMissingSkillOrBadValueIsOneLine() {
        deft("", false, "skills", "import", skillFile.toString());

        CliRun run = deft("y\n", true, "skills", "run", "send-email", "to=erin@example.org", "subject=Lunch", "--headless");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Run ").contains("(planner skill)").contains("Ran the skill send-email");
        assertThat(site.record().mails()).containsExactly(new DemoRecord.Mail("erin@example.org", "Lunch", "Bring a blanket."));

        CliRun unknown = deft("", false, "skills", "run", "nope");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("deft: There is no skill named nope; the skills are send-email.");
        CliRun badKey = deft("", false, "skills", "run", "send-email", "colour=red");
        assertThat(badKey.err().strip()).isEqualTo("deft: The skill send-email has no parameter colour; its parameters "
                + "are to, subject, message.");
    }

    @Test
    void rowsRunInParallelEachItsOwnRunWithASummary() throws IOException {
        deft("", false, "skills", "import", skillFile.toString());
        Path rows = Files.writeString(home.resolve("rows.csv"),
                "to,subject\nann@example.org,One\nbo@example.org,\"Two, with a comma\"\ncy@example.org,Three\n");

        CliRun run = deft("y\ny\ny\n", true, "skills", "run", "send-email", "--rows", rows.toString(), "--parallel", "2",
                "--headless");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("3 of 3 rows done.").contains("row 1: done").contains("row 3: done");
        assertThat(site.record().mails()).extracting(DemoRecord.Mail::subject)
                .containsExactlyInAnyOrder("One", "Two, with a comma", "Three");
        assertThat(deft("", false, "history", "--json").events()).hasSize(3);
        assertThat(deft("", false, "skills", "list").out()).contains("(3 of 3 runs done)");
    }

    @Test
    void rowsRunInParallelOnASeleniumGrid() throws IOException {
        deft("", false, "skills", "import", skillFile.toString());
        Path rows = Files.writeString(home.resolve("rows.csv"), "to,subject\ndee@example.org,Four\neve@example.org,Five\n");

        try (GridServer grid = GridServer.start(2)) {
            CliRun run = deft("y\ny\n", true, "skills", "run", "send-email", "--rows", rows.toString(), "--parallel", "2",
                    "--grid", grid.address().toString(), "--headless");

            assertThat(run.status()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("2 of 2 rows done.");
            assertThat(site.record().mails()).extracting(DemoRecord.Mail::to)
                    .containsExactlyInAnyOrder("dee@example.org", "eve@example.org");
            // the browsers were the Grid's: it started a session for each row
            assertThat(grid.log().split("Session created by the Distributor", -1)).hasSize(3);
        }
    }
}
