package dev.deft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonpCharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Writes what {@code --json} prints (events, runs, skills: maps, lists, strings, numbers, booleans) as one line. */
final class Json {
    // U+2028 and U+2029 escaped as well: some line readers end a line at them
    private static final ObjectWriter LINE = new ObjectMapper().writer().with(JsonpCharacterEscapes.instance());

    private Json() {
    }

    static String write(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }
}
