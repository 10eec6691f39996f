package dev.deft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void whatItWritesJacksonReadsBackTheSame() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 line-sep \u2028 é 🚀");
        value.put("count", 42);
        value.put("big", 1L << 40);
        value.put("ok", true);
        value.put("none", null);
        value.put("list", List.of(1, "two", Map.of("three", 3)));

        String line = Json.write(value);
        JsonNode read = new ObjectMapper().readTree(line);

        assertThat(line).doesNotContain("\n").doesNotContain("\u2028").doesNotContain("\u0007");
        assertThat(read.get("text").asText()).isEqualTo(value.get("text"));
        assertThat(read.get("count").asInt()).isEqualTo(42);
        assertThat(read.get("big").asLong()).isEqualTo(1L << 40);
        assertThat(read.get("ok").asBoolean()).isTrue();
        assertThat(read.get("none").isNull()).isTrue();
        assertThat(read.get("list").get(2).get("three").asInt()).isEqualTo(3);
    }
}
