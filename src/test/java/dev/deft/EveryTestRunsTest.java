package dev.deft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test class that no runner picks up never runs, and its checks never fail: every class under src/test that holds
 * tests must be named as surefire (unit tests) or failsafe (integration tests) finds them, with their default patterns.
 */
class EveryTestRunsTest {
    private static final Pattern HOLDS_TESTS = Pattern.compile(
            "@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory)\\b");
    /** surefire's {@code **}{@code /Test*, *Test, *Tests, *TestCase} and failsafe's {@code IT*, *IT, *ITCase}. */
    private static final Pattern RUN_BY_NAME = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase|IT.*|.*IT|.*ITCase");

    @Test
    void everyClassWithTestsIsNamedSoThatARunnerRunsIt() throws IOException {
        List<String> unrun;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            unrun = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> HOLDS_TESTS.matcher(read(file)).find())
                    .map(file -> file.getFileName().toString().replaceFirst("\\.java$", ""))
                    .filter(name -> !RUN_BY_NAME.matcher(name).matches())
                    .toList();
        }

        assertThat(unrun).as("classes with tests that no runner picks up (rename them …Test or …IT)").isEmpty();
    }

    @Test
    void theCheckKnowsAClassNoRunnerWouldRun() {
        assertThat(RUN_BY_NAME.matcher("RiskRulesProperties").matches()).isFalse();
        assertThat(RUN_BY_NAME.matcher("RiskRulesPropertiesTest").matches()).isTrue();
        assertThat(RUN_BY_NAME.matcher("ShopIT").matches()).isTrue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
