package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's choices, each Deft's own until the person makes it. */
class RunSpecTest {

    @Test
    void everyChoiceHasADefault() {
        RunSpec spec = RunSpec.builder("open the shop").build();

        assertThat(spec.planner()).isEqualTo(RunSpec.PlannerChoice.AUTO);
        assertThat(spec.surface()).isEqualTo(RunSpec.SurfaceChoice.AUTO);
        assertThat(spec.maxSteps()).isEqualTo(RunLimits.defaults().maxSteps());
        assertThat(spec.startUrl()).isEmpty();
        assertThat(spec.headless()).isFalse();
        assertThat(spec).isEqualTo(RunSpec.of("open the shop"));
    }

    @Test
    void aChangedCopyKeepsTheOtherChoices() {
        RunSpec spec = RunSpec.builder("read the heading").planner(RunSpec.PlannerChoice.LLM).provider("ollama")
                .startUrl("http://127.0.0.1:9/").headless(true).build();

        RunSpec again = spec.toBuilder().planner(RunSpec.PlannerChoice.SKILL).build();

        assertThat(again.planner()).isEqualTo(RunSpec.PlannerChoice.SKILL);
        assertThat(again.provider()).isEqualTo(Optional.of("ollama"));
        assertThat(again.startUrl()).contains("http://127.0.0.1:9/");
        assertThat(again.headless()).isTrue();
    }

    @Test
    void choicesThatDoNotGoTogetherAreRefusedWhenBuilt() {
        RunSpec.Builder both = RunSpec.builder("x").profile(Path.of("/tmp/p")).incognito(true);

        assertThatThrownBy(both::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--profile");
        assertThatThrownBy(() -> RunSpec.builder("x").maxSteps(0).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
