package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.LanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The tools a model sees: the actions, each with its parameters, as a person lists them in a data file. */
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

    /** A tool as {@code plan/action-tools.txt} writes it: its parameters, and which of them the model must give. */
    private record Written(String name, List<String> parameters, List<String> required) {
    }

    private static List<Written> written() throws IOException {
        try (InputStream in = ActionToolsTest.class.getResourceAsStream("/plan/action-tools.txt")) {
            List<Written> tools = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                List<String> words = List.of(parts[1].strip().split("\\s+"));
                tools.add(new Written(parts[0].strip(), words.stream().map(w -> w.replace("*", "")).toList(),
                        words.stream().filter(w -> w.endsWith("*")).map(w -> w.replace("*", "")).toList()));
            }
            return tools;
        }
    }

    @Test
    void theModelIsOfferedTheToolsAndParametersOfTheWrittenList() throws IOException {
        List<Written> expected = written();

        assertThat(tools.names()).containsExactlyInAnyOrderElementsOf(expected.stream().map(Written::name).toList());
        for (Written tool : expected) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties =
                    (Map<String, Map<String, Object>>) schemaOf(tool.name()).get("properties");
            assertThat(properties.keySet()).as(tool.name()).containsExactlyInAnyOrderElementsOf(tool.parameters());
            assertThat(schemaOf(tool.name()).get("required")).as(tool.name() + ", required")
                    .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrderElementsOf(tool.required());
            properties.forEach((parameter, schema) -> assertThat(schema.get("description"))
                    .as(tool.name() + "." + parameter).asString().isNotBlank());
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
                InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("text_shown", "text_gone", "element_shown", "element_gone", "url_contains", "settled",
                        "elapsed");
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
