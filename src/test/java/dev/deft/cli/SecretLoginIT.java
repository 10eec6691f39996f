package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.app.DeftWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person keeps the demo account's password in the vault and asks Deft to log in with it. The password gets the
 * person logged in, and appears nowhere else: not in the event stream, the journal, the log or the run's folder.
 */
class SecretLoginIT {
    private static final String PASSWORD = "correct-horse";

    @TempDir
    Path home;

    @Test
    void aVaultPasswordLogsInAndIsNowhereInTheEventsJournalLogOrRunFolder() throws Exception {
        Path data = home.resolve("data");
        Map<String, String> env = Map.of("DEFT_DATA_DIR", data.toString(), "DEFT_CONFIG", home.resolve("c.json").toString(),
                "DEFT_VAULT_PASSPHRASE", "a passphrase", "OLLAMA_HOST", "127.0.0.1:1");
        Workspace.Opener deft = () -> DeftWorkspace.open(env, Clock.systemUTC());
        assertThat(CliRun.of(deft, PASSWORD + "\n", false, "secrets", "set", "demo-pass").status()).isZero();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        CliRun run;
        try {
            run = CliRun.of(deft, "", false, "run", "--headless", "--json",
                    "log in to the account page as demo with the password kept as demo-pass, "
                            + "then wait for \"Signed in as demo\"");
        } finally {
            System.setErr(stderr);
        }

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("{{secret:demo-pass}}").doesNotContain(PASSWORD);
        assertThat(run.err()).doesNotContain(PASSWORD);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
        String id = run.events().get(0).get("run").asText();
        CliRun shown = CliRun.of(deft, "", false, "show", "--json", id);
        assertThat(shown.out()).contains("demo-pass").doesNotContain(PASSWORD);
        List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("vault")).toList();
        }
        assertThat(files).anyMatch(f -> f.toString().matches(".*step-\\d+-[a-z_]+\\.(png|jpg)")).anyMatch(f -> f.getFileName().toString().startsWith("journal"));
        for (Path file : files) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(PASSWORD);
        }
    }
}
