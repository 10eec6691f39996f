package dev.deft.app;

import dev.deft.demo.DemoServer;
import dev.deft.plan.SiteDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled demo sites by name ("the shop", "the webmail", "the account page"), started on first use and
 * stopped with the workspace. They are served on a fixed loopback port where it is free, so that a person who
 * logged in stays logged in from one run to the next, else on any free port.
 */
final class DemoSites implements SiteDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSites.class);
    static final int PREFERRED_PORT = 47913;
    private static final Map<String, String> PATHS = Map.of("shop", "shop/", "webmail", "mail/", "mail", "mail/",
            "account", "account/", "demo", "", "demo sites", "");

    private final int port;
    private DemoServer server;

    DemoSites(int port) {
        this.port = port;
    }

    @Override
    public synchronized Optional<String> addressOf(String name) {
        String path = PATHS.get(name);
        if (path == null) {
            return Optional.empty();
        }
        return Optional.of(server().url(path));
    }

    @Override
    public Set<String> names() {
        return PATHS.keySet();
    }

    /** The running demo server, started now if it is not yet. */
    synchronized DemoServer server() {
        if (server == null) {
            try {
                server = DemoServer.start(port);
            } catch (RuntimeException busy) {
                LOG.info("Port {} is taken; the demo sites take a free one", port);
                server = DemoServer.start(0);
            }
        }
        return server;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
