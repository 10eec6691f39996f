package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a person reads of a long error and of a time. */
class BriefTest {

    @Test
    void theFirstLineOfAMessageStrippedAndCut() {
        assertThat(Brief.firstLine("  unknown error: session deleted\nBuild info: …\nSystem info: …")).isEqualTo(
                "unknown error: session deleted");
        assertThat(Brief.firstLine(null)).isEqualTo("no details");
        assertThat(Brief.firstLine("x".repeat(300))).hasSize(200).endsWith("…");
        assertThat(Brief.firstLine(" \n ", "unknown error", 10)).isEqualTo("unknown error");
    }

    @Test
    void secondsWholeOrToATenth() {
        assertThat(Brief.seconds(Duration.ofSeconds(4))).isEqualTo("4 s");
        assertThat(Brief.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
    }
}
