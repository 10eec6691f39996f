package dev.deft.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A web server on loopback for pages written for a test: it serves the page a test puts at a path (and may swap for
 * another version between runs), and keeps every request that carries a body (a form sent, a fetch) so that a test
 * checks what the page really sent, never what Deft says it did.
 */
public final class PageServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();
    private final Map<String, Path> folders = new ConcurrentHashMap<>();

    /** One request with a body: where it went and what it carried (form fields, or the raw body of a fetch). */
    public record Received(String path, Map<String, String> fields, String body) {
    }

    private PageServer(HttpServer server) {
        this.server = server;
    }

    public static PageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PageServer pages = new PageServer(server);
            server.createContext("/", pages::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "page-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code html} at {@code path} from now on, in place of what was there. */
    public PageServer page(String path, String html) {
        pages.put(path, html);
        return this;
    }

    /**
     * Serves the files of {@code folder} under {@code prefix} (which begins and ends with "/"): several copies of the
     * same pages under different prefixes tell apart what each copy sent.
     */
    public PageServer folder(String prefix, Path folder) {
        folders.put(prefix, folder);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What pages sent, in the order it came. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many times a page asked for {@code path} without a body (a GET). */
    public int hits(String path) {
        return hits.getOrDefault(path, 0);
    }

    public void forget() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("POST")) {
                received.add(new Received(path, fields(body), body));
                boolean fetched = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("json");
                send(exchange, 200, fetched ? "application/json" : "text/html",
                        fetched ? "{\"ok\":true}" : "<!doctype html><title>Received</title><h1>Received</h1>"
                                + "<p id=received>The server received it.</p>");
                return;
            }
        }
        hits.merge(path, 1, Integer::sum);
        String html = pages.get(path);
        if (html == null && fromFolder(exchange, path)) {
            return;
        }
        if (html == null) {
            send(exchange, 404, "text/plain", "No page at " + path);
            return;
        }
        send(exchange, 200, "text/html", html);
    }

    private boolean fromFolder(HttpExchange exchange, String path) throws IOException {
        int slash = path.indexOf('/', 1);
        Path folder = slash < 0 ? null : folders.get(path.substring(0, slash + 1));
        if (folder == null) {
            return false;
        }
        Path file = folder.resolve(path.substring(slash + 1)).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return false;
        }
        String type = file.toString().endsWith(".js") ? "text/javascript" : "text/html";
        send(exchange, 200, type, Files.readString(file));
        return true;
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isBlank() || body.strip().startsWith("{")) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
