package dev.deft.llm.internal;

import java.io.IOException;
import okio.BufferedSource;

/** Reads server-sent events ({@code event:} and {@code data:} lines, a blank line ending each) from a stream. */
public final class SseReader {
    private SseReader() {
    }

    /** Receives one event; returns false to stop reading. */
    @FunctionalInterface
    public interface Handler {
        boolean on(String event, String data) throws IOException;
    }

    public static void read(BufferedSource source, Handler handler) throws IOException {
        String event = "";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        while (true) {
            String line = source.readUtf8Line();
            if (line == null || line.isEmpty()) {
                if (any && !handler.on(event.isEmpty() ? "message" : event, data.toString())) {
                    return;
                }
                if (line == null) {
                    return;
                }
                event = "";
                data.setLength(0);
                any = false;
                continue;
            }
            if (line.startsWith(":")) {
                continue; // a comment, such as a keep-alive
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
                any = true;
            } else if (field.equals("data")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(value);
                any = true;
            }
        }
    }
}
