package dev.deft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;

/** One in-process run of the {@code deft} command line with captured streams, for tests. */
record CliRun(int status, String out, String err) {

    static CliRun of(Workspace.Opener opener, String input, boolean interactive, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
                new PrintWriter(err, true), interactive);
        int status = DeftCli.execute(args, terminal, opener, Clock.systemUTC());
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Standard output read back as JSON, one object per line. */
    List<JsonNode> events() {
        ObjectMapper json = new ObjectMapper();
        return out.lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    JsonNode last(String event) {
        return events().stream().filter(e -> e.path("event").asText().equals(event)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + event + " in " + out));
    }
}
