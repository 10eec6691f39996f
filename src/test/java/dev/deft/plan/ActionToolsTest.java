package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.LanguageModel;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tools a model sees are the action records themselves, one parameter per component. */
class ActionToolsTest {
    private final ActionTools tools = ActionTools.load(Set.of());

    private Map<String, Object> schemaOf(String tool) {
        return tools.tools().stream().filter(t -> t.name().equals(tool)).findFirst()
                .map(LanguageModel.Tool::parameters).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> property(String tool, String parameter) {
        return (Map<String, Object>) ((Map<String, Object>) schemaOf(tool).get("properties")).get(parameter);
    }

    @Test
    void everyActionRecordIsAToolWithEveryComponentAsAParameter() {
        assertThat(tools.names()).hasSize(Action.class.getPermittedSubclasses().length);
        for (Class<?> action : Action.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) schemaOf(ActionTools.toolName(action)).get("properties");
            List<String> components = Arrays.stream(action.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties.keySet()).as(action.getSimpleName()).containsAll(components);
            components.forEach(c -> assertThat(((Map<?, ?>) properties.get(c)).get("description"))
                    .as(action.getSimpleName() + "." + c).asString().isNotBlank());
        }
    }

    @Test
    void schemasFollowTheComponentTypes() {
        assertThat(tools.names()).contains("open_url", "click", "type", "set_checked", "press_key", "wait_for",
                "ask_user", "finish");
        assertThat(schemaOf("click").get("required")).isEqualTo(List.of("on"));
        assertThat(property("click", "button").get("enum")).isEqualTo(List.of("left", "double", "right"));
        assertThat(property("click", "on").get("type")).isEqualTo("object");
        assertThat(property("click", "risk").get("enum"))
                .isEqualTo(List.of("read", "input", "submit", "send", "pay", "delete", "account"));
        assertThat(schemaOf("press_key").get("required")).isEqualTo(List.of("keys"));
        assertThat(property("wait_for", "condition").get("properties")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("text_shown", "text_gone", "element_shown", "element_gone", "url_contains", "settled");
        assertThat(property("wait_for", "timeout").get("type")).isEqualTo("integer");
        assertThat(property("run_skill", "parameters").get("additionalProperties")).isEqualTo(Map.of("type", "string"));
        assertThat(schemaOf("finish").get("required")).isEqualTo(List.of("summary"));
        assertThat(schemaOf("type").get("additionalProperties")).isEqualTo(false);
    }

    @Test
    void kindsLeftOutAreNotOffered() {
        assertThat(ActionTools.load(Set.of("run_skill")).names()).doesNotContain("run_skill").contains("finish");
    }
}
