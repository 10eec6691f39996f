package dev.deft.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client's side of standard input, read line by line (stdio MCP is one JSON-RPC message a line) on its way to
 * the SDK. The SDK does not act on {@code notifications/cancelled}, so this does: it stops the run of the request
 * named. So that a tool's handler knows its own request's id, each {@code tools/call} gets it in {@code _meta}
 * under {@link #REQUEST_ID}. Everything else passes as it came; the end of input completes {@link #ended()}.
 */
final class ProtocolInput extends InputStream {
    static final String REQUEST_ID = "dev.deft/request-id";
    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() { };

    private final BufferedReader lines;
    private final McpJsonMapper json;
    private final RunningCalls calls;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private byte[] pending = new byte[0];
    private int next;

    ProtocolInput(InputStream in, McpJsonMapper json, RunningCalls calls) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.json = json;
        this.calls = calls;
    }

    /** Completes when the client closes its end. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[next++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, pending.length - next);
        System.arraycopy(pending, next, into, offset, count);
        next += count;
        return count;
    }

    private boolean fill() throws IOException {
        if (next < pending.length) {
            return true;
        }
        String line;
        try {
            line = lines.readLine();
        } catch (IOException e) {
            ended.complete(null);
            throw e;
        }
        if (line == null) {
            ended.complete(null);
            return false;
        }
        pending = (look(line) + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }

    @SuppressWarnings("unchecked")
    private String look(String line) {
        if (!line.contains("tools/call") && !line.contains("notifications/cancelled")) {
            return line;
        }
        try {
            Map<String, Object> message = json.readValue(line, OBJECT);
            Object method = message.get("method");
            if ("notifications/cancelled".equals(method) && message.get("params") instanceof Map<?, ?> params) {
                Object reason = params.get("reason");
                calls.cancel(String.valueOf(params.get("requestId")),
                        reason == null ? "the client cancelled the request" : "the client cancelled: " + reason);
                return line;
            }
            if ("tools/call".equals(method) && message.containsKey("id")) {
                Map<String, Object> params = message.get("params") instanceof Map<?, ?> given
                        ? new LinkedHashMap<>((Map<String, Object>) given) : new LinkedHashMap<>();
                Map<String, Object> meta = params.get("_meta") instanceof Map<?, ?> given
                        ? new LinkedHashMap<>((Map<String, Object>) given) : new LinkedHashMap<>();
                meta.put(REQUEST_ID, String.valueOf(message.get("id")));
                params.put("_meta", meta);
                message.put("params", params);
                return json.writeValueAsString(message);
            }
        } catch (IOException | RuntimeException e) {
            // not ours to judge: the SDK answers a malformed message as the protocol says
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
