package dev.deft.cli;

import dev.deft.core.RunEvent;
import dev.deft.core.RunListener;
import java.io.PrintWriter;

/** {@code --json}: one JSON object per line on standard output, one line per event. */
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
}
