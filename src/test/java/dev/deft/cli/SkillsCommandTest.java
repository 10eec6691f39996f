package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.app.DeftWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code deft skills run NAME key=value ...}: how the values on the command line reach the skill. */
class SkillsCommandTest {
    @TempDir
    Path home;

    private CliRun deft(String... args) {
        Map<String, String> env = Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                "DEFT_BUILTIN_SKILLS", home.resolve("none").toString(), "DEFT_KEYRING", "off");
        return CliRun.of(() -> DeftWorkspace.open(env, Clock.systemUTC()), "", false, args);
    }

    private static Map<String, String> given(String... args) {
        CommandLine.ParseResult parsed = new CommandLine(new SkillsCommand.Run(null)).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(args);
        return parsed.matchedPositional(1).getValue();
    }

    @Test
    void eachKeyValueIsAParameterInTheOrderGivenAndAValueKeepsItsEqualsSigns() {
        assertThat(given("search", "query=a=b", "site=https://shop.example/?q=1&x=2", "note=two words"))
                .containsExactly(Map.entry("query", "a=b"), Map.entry("site", "https://shop.example/?q=1&x=2"),
                        Map.entry("note", "two words"));
        assertThat(given("search", "query=", "quote=she said \"x=1\""))
                .containsExactly(Map.entry("query", ""), Map.entry("quote", "she said \"x=1\""));
    }

    @Test
    void anArgumentWithoutKeyAndValueIsOneLineSayingTheFormAndExitsTwo() {
        CliRun run = deft("skills", "run", "send-email", "to=ann@example.org", "colour");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err().strip()).isEqualTo("deft: a parameter is KEY=VALUE, not \"colour\" (see 'deft skills run --help')");
        CliRun noKey = deft("skills", "run", "send-email", "=red");
        assertThat(noKey.status()).isEqualTo(2);
        assertThat(noKey.err()).startsWith("deft: a parameter is KEY=VALUE, not \"=red\"");
    }
}
