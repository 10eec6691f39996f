package dev.deft.cli;

import dev.deft.core.RunEvent;
import dev.deft.core.RunListener;
import java.io.PrintWriter;

/**
 * {@code --json}: one JSON object per line on standard output, one line per event, and a {@code model_text} line
 * ({@code run}, {@code text}) for each fragment a language model writes while it plans, and a {@code notice} line
 * ({@code run}, {@code text}) for what a person should know that is not a step (an MCP server that did not start).
 */
final class JsonEventPrinter implements RunListener {
    private final PrintWriter out;

    JsonEventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(RunEvent event) {
        out.println(Json.write(event.fields()));
        out.flush();
    }

    @Override
    public synchronized void notice(String run, String message) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("event", "notice");
        fields.put("run", run);
        fields.put("text", message);
        out.println(Json.write(fields));
        out.flush();
    }

    @Override
    public synchronized void modelText(String run, String fragment) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("event", "model_text");
        fields.put("run", run);
        fields.put("text", fragment);
        out.println(Json.write(fields));
        out.flush();
    }
}
