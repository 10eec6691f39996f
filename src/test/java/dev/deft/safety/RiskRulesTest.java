package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Observation;
import dev.deft.core.RiskClass;
import dev.deft.core.Target;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class RiskRulesTest {
    private final RiskRules rules = new RiskRules();

    @ParameterizedTest(name = "click \"{0}\" is {1}")
    @CsvFileSource(resources = "/safety/click-classes.csv", numLinesToSkip = 1)
    void aClickIsClassedByTheWordsOnItsTarget(String text, RiskClass expected) {
        assertThat(rules.classify(new Action.Click(Target.byText(text)), Observation.NONE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Enter in \"{0}\" is {1}")
    @CsvFileSource(resources = "/safety/enter-classes.csv", numLinesToSkip = 1)
    void pressingEnterInAFieldSubmitsItsForm(String label, RiskClass expected) {
        Action enter = new Action.PressKey(Optional.of(Target.byLabel(label)), "Enter");
        assertThat(rules.classify(enter, Observation.NONE)).isEqualTo(expected);
    }
}
