package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A model's arguments are held to the schema it was shown, and each problem is a sentence it can act on. */
class SchemaCheckTest {
    private final ActionTools tools = ActionTools.load(Set.of());

    private List<String> problems(String tool, String arguments) throws Exception {
        Map<String, Object> schema = tools.spec(tool).orElseThrow().tool().parameters();
        JsonNode value = new ObjectMapper().readTree(arguments);
        return SchemaCheck.problems(schema, value, tool);
    }

    @Test
    void argumentsThatFitHaveNoProblems() throws Exception {
        assertThat(problems("click", "{\"on\": {\"element\": 3}, \"risk\": \"send\", \"reason\": \"to send it\"}")).isEmpty();
        assertThat(problems("wait_for", "{\"condition\": {\"text_shown\": \"Thanks\"}, \"timeout\": 5}")).isEmpty();
        assertThat(problems("run_skill", "{\"name\": \"send-email\", \"parameters\": {\"to\": \"a@b.org\"}}")).isEmpty();
    }

    @Test
    void aWholeNumberWrittenWithAFractionIsStillAnInteger() throws Exception {
        assertThat(problems("click", "{\"on\": {\"element\": 3.0}}")).isEmpty();
        assertThat(problems("click", "{\"on\": {\"element\": 2.5}}"))
                .containsExactly("click.on.element must be an integer, was 2.5");
    }

    @Test
    void aValueOfTheWrongTypeIsOneProblemSayingWhatItShouldBe() throws Exception {
        assertThat(problems("click", "{\"on\": 3}")).containsExactly("click.on must be an object, was 3");
        assertThat(problems("click", "{\"on\": {\"text\": \"Buy\"}, \"risk\": 5}"))
                .containsExactly("click.risk must be a string, was 5");
    }

    @Test
    void aWordOutsideTheChoicesListsThem() throws Exception {
        assertThat(problems("click", "{\"on\": {\"text\": \"Buy\"}, \"risk\": \"huge\"}")).containsExactly(
                "click.risk must be one of [read, input, submit, send, pay, delete, account], was \"huge\"");
    }

    @Test
    void aNumberBelowTheLeastAllowedSaysTheLeast() throws Exception {
        assertThat(problems("click", "{\"on\": {\"element\": 0}}")).containsExactly("click.on.element must be at least 1, was 0");
    }

    @Test
    void aMissingArgumentOrOneGivenAsNullIsNamed() throws Exception {
        assertThat(problems("click", "{}")).containsExactly("click needs \"on\"");
        assertThat(problems("click", "{\"on\": null}")).containsExactly("click needs \"on\"");
    }

    @Test
    void anOptionalArgumentGivenAsNullCountsAsLeftOut() throws Exception {
        assertThat(problems("click", "{\"on\": {\"text\": \"Buy\"}, \"risk\": null, \"button\": null}")).isEmpty();
    }

    @Test
    void anArgumentTheToolDoesNotTakeIsNamedWithTheOnesItTakes() throws Exception {
        assertThat(problems("click", "{\"on\": {\"elemnt\": 3, \"text\": \"Buy\"}}")).singleElement().asString()
                .startsWith("click.on has no argument \"elemnt\"; it takes ").contains("element").contains("text");
        assertThat(problems("click", "{\"on\": {\"text\": \"Buy\"}, \"colour\": \"red\"}"))
                .containsExactly("click has no argument \"colour\"; it takes on, button, risk, reason");
    }

    @Test
    void eachValueOfAMapIsCheckedAgainstItsSchema() throws Exception {
        assertThat(problems("run_skill", "{\"name\": \"send-email\", \"parameters\": {\"to\": 3}}"))
                .containsExactly("run_skill.parameters.to must be a string, was 3");
    }

    @Test
    void aChoiceOfOneSaysSoWhenNoneOrTwoAreGiven() throws Exception {
        assertThat(problems("click", "{\"on\": {}}")).singleElement().asString()
                .startsWith("click.on needs one of [").contains("element").contains("text");
        assertThat(problems("wait_for", "{\"condition\": {\"text_shown\": \"a\", \"text_gone\": \"b\"}}"))
                .singleElement().asString().startsWith("wait_for.condition takes only one of [")
                .contains("text_shown").contains("text_gone");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws Exception {
        assertThat(problems("click", "{\"on\": {\"element\": 0}, \"risk\": \"huge\", \"colour\": \"red\"}"))
                .hasSize(3).anySatisfy(p -> assertThat(p).startsWith("click has no argument \"colour\"; it takes on,"));
    }

    @Test
    void aLongValueIsShownShortened() throws Exception {
        String problem = problems("click", "{\"on\": \"" + "x".repeat(200) + "\"}").get(0);

        assertThat(problem).startsWith("click.on must be an object, was \"xxx").endsWith("…").hasSizeLessThan(100);
    }

    @Test
    void aServersSchemaIsHeldToEveryKeywordItUses() throws Exception {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("tags", Map.of("type", "array",
                "items", Map.of("type", "string", "maxLength", 3))));

        List<String> problems = SchemaCheck.problems(schema, new ObjectMapper().readTree("{\"tags\": [\"ab\", \"abcd\", 3]}"),
                "notes_tag");

        assertThat(problems).containsExactly("notes_tag.tags[1] must be at most 3 characters long",
                "notes_tag.tags[2] must be a string, was 3");
    }

    @Test
    void aSchemaTheCheckCannotUseLeavesTheCallToTheServer() throws Exception {
        Map<String, Object> schema = Map.of("$schema", "https://example.org/our-own-dialect", "type", "object");

        assertThat(SchemaCheck.problems(schema, new ObjectMapper().readTree("{\"a\": 1}"), "notes_tag")).isEmpty();
    }
}
