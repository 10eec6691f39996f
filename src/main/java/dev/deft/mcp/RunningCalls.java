package dev.deft.mcp;

import dev.deft.core.RunControl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls under way, by the JSON-RPC id of their request, so that a client's {@code notifications/cancelled}
 * stops the run it names, and a client that goes away stops them all.
 */
final class RunningCalls {
    private final Map<String, RunControl> running = new ConcurrentHashMap<>();

    void started(String requestId, RunControl control) {
        running.put(requestId, control);
    }

    void ended(String requestId) {
        running.remove(requestId);
    }

    /** Stops the run of that request, if it is still going. */
    void cancel(String requestId, String why) {
        RunControl control = running.get(requestId);
        if (control != null) {
            control.cancel(why);
        }
    }

    void cancelAll(String why) {
        running.values().forEach(control -> control.cancel(why));
    }
}
