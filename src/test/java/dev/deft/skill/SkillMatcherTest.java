package dev.deft.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which skill a request asks for, and the values its slots take, over phrasings a person might use. */
class SkillMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Skill skill(String name, List<String> examples, String... parameters) {
        ObjectNode step = JSON.createObjectNode().put("action", "open_url").put("url", "https://example.org/");
        return new Skill(name, "", 1, examples, java.util.Arrays.stream(parameters).map(p -> new SkillParameter(p,
                SkillParameter.Type.TEXT, true, Optional.empty(), "", "", List.of())).toList(), List.of(step));
    }

    private final List<Skill> skills = List.of(
            skill("send-email", List.of("email {to} about {subject}", "send an email to {to} about {subject}"), "to", "subject"),
            skill("order-product", List.of("order {quantity} {product} from the shop"), "quantity", "product"),
            skill("book-room", List.of("book the {room} meeting room for {day}"), "room", "day"));

    @Test
    void theRequestOfTheIssuePicksTheEmailSkillWithItsValues() {
        SkillMatcher.Match match = SkillMatcher.best("email alice@example.org about the picnic", skills).orElseThrow();

        assertThat(match.skill().name()).isEqualTo("send-email");
        assertThat(match.values()).containsEntry("to", "alice@example.org").containsEntry("subject", "the picnic");
    }

    @Test
    void otherPhrasingsTyposAndPolitenessStillFit() {
        assertThat(SkillMatcher.best("Please send an e-mail to bob@example.org about Friday's lunch.", skills))
                .hasValueSatisfying(m -> assertThat(m.values()).containsEntry("to", "bob@example.org")
                        .containsEntry("subject", "Friday's lunch"));
        assertThat(SkillMatcher.best("could you emial carol@example.org about \"the budget\"", skills))
                .hasValueSatisfying(m -> assertThat(m.values()).containsEntry("subject", "the budget"));
        assertThat(SkillMatcher.best("book the Orion meeting room for Tuesday", skills))
                .hasValueSatisfying(m -> assertThat(m.values()).containsEntry("room", "Orion").containsEntry("day", "Tuesday"));
        assertThat(SkillMatcher.best("order 2 teapots from the shop", skills))
                .hasValueSatisfying(m -> assertThat(m.skill().name()).isEqualTo("order-product"));
    }

    @Test
    void requestsThatShareAFewWordsWithAnExampleAreNotTakenForIt() {
        assertThat(SkillMatcher.best("what is the weather in Paris", skills)).isEmpty();
        assertThat(SkillMatcher.best("search the shop for a kettle", skills)).isEmpty();
        assertThat(SkillMatcher.best("open the inbox", skills)).isEmpty();
    }

    @Test
    void twoSkillsThatFitEquallyWellAreNoMatch() {
        List<Skill> twins = List.of(skill("a", List.of("tidy {thing}"), "thing"), skill("b", List.of("tidy {what}"), "what"));

        assertThat(SkillMatcher.best("tidy the desk", twins)).isEmpty();
    }
}
