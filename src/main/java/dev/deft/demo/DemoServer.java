package dev.deft.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundled offline demo sites (a shop, a webmail, an account page) served from {@code demo/} on the classpath, on
 * loopback at a free port. The server keeps its own record of what the sites did ({@link #record()}, and
 * {@code GET /api/record} as JSON), so that a test can check what really happened, not what the page claims.
 */
public final class DemoServer implements AutoCloseable {
    /** The demo account's user name and first password, as the login page hints. */
    public static final String USER = "demo";
    public static final String FIRST_PASSWORD = "correct-horse";

    private final HttpServer http;
    private final ExecutorService executor;
    private final Catalogue catalogue;
    private final ClassLoader loader = DemoServer.class.getClassLoader();
    private final List<DemoRecord.Order> orders = new ArrayList<>();
    private final List<DemoRecord.Mail> mails = new ArrayList<>();
    private final List<DemoRecord.PasswordChange> passwordChanges = new ArrayList<>();
    private final List<DemoRecord.AccountDeletion> deletions = new ArrayList<>();
    private final List<DemoRecord.Transfer> transfers = new ArrayList<>();
    private String password = FIRST_PASSWORD;
    private boolean accountDeleted;
    private final Map<String, String> sessions = new LinkedHashMap<>();

    private DemoServer(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
        this.catalogue = Catalogue.load(loader);
        http.createContext("/", this::handle);
    }

    /** Starts the server on 127.0.0.1 at a free port. */
    private volatile boolean changed;
    private volatile Duration apiLag = Duration.ZERO;
    private final SignUpEpisodes signUps = new SignUpEpisodes();

    public static DemoServer start() {
        return start(0);
    }

    /** Starts the server on 127.0.0.1 at {@code port}, or a free one if 0. */
    public static DemoServer start(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "deft-demo-server");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            DemoServer server = new DemoServer(http, executor);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo server on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Serves the redesigned pages where there are some ({@code compose.v2.html} for {@code compose.html}): other ids,
     * classes and layout, the same words a person reads. A skill recorded on one must still work on the other.
     */
    public void redesigned(boolean on) {
        changed = on;
    }

    /** Makes every answer of the sites' APIs come this much later, like a slow network or a busy server. */
    public void slowApi(Duration lag) {
        apiLag = lag;
    }

    private void lag() {
        if (!apiLag.isZero()) {
            try {
                Thread.sleep(apiLag.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The lab's sign-up task: the next episode, and how each submission went. */
    public SignUpEpisodes signUps() {
        return signUps;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The address of a page of the demo, e.g. {@code url("shop/")}. */
    public String url(String path) {
        String clean = path.startsWith("/") ? path.substring(1) : path;
        return "http://127.0.0.1:" + port() + "/" + clean;
    }

    /** What the sites did so far. */
    public synchronized DemoRecord record() {
        return new DemoRecord(orders, mails, passwordChanges, deletions, transfers);
    }

    /** Forgets what the sites did and restores the demo account, for the next test. */
    public synchronized void reset() {
        orders.clear();
        mails.clear();
        passwordChanges.clear();
        deletions.clear();
        transfers.clear();
        sessions.clear();
        password = FIRST_PASSWORD;
        accountDeleted = false;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.startsWith("/api/")) {
                lag();
                api(exchange, method, path.substring("/api/".length()));
            } else if (method.equals("GET") || method.equals("HEAD")) {
                file(exchange, path);
            } else {
                send(exchange, 405, "text/plain", "Method not allowed");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "The demo server failed: " + e);
        }
    }

    private void api(HttpExchange exchange, String method, String endpoint) throws IOException {
        if (method.equals("GET")) {
            switch (endpoint) {
                case "record" -> json(exchange, 200, record());
                case "shop/products" -> json(exchange, 200, catalogue.products());
                case "account/me" -> json(exchange, 200, me(exchange));
                case "lab/signup/next" -> json(exchange, 200, signUps.next());
                case "lab/signup/show" -> json(exchange, 200, signUps.show());
                default -> json(exchange, 404, error("No such endpoint: " + endpoint));
            }
            return;
        }
        if (!method.equals("POST")) {
            json(exchange, 405, error("Use POST"));
            return;
        }
        Map<String, String> form = form(exchange.getRequestBody());
        switch (endpoint) {
            case "reset" -> {
                reset();
                json(exchange, 200, ok());
            }
            case "shop/orders" -> order(exchange, form);
            case "mail/send" -> mail(exchange, form);
            case "account/login" -> login(exchange, form);
            case "account/password" -> changePassword(exchange, form);
            case "account/transfer" -> transfer(exchange, form);
            case "account/delete" -> deleteAccount(exchange, form);
            case "lab/signup/submit" -> {
                SignUpEpisodes.Result result = signUps.submit(form);
                json(exchange, 200, JsonText.object().put("ok", result.success()).put("error", result.problem()));
            }
            default -> json(exchange, 404, error("No such endpoint: " + endpoint));
        }
    }

    private void order(HttpExchange exchange, Map<String, String> form) throws IOException {
        String card = form.getOrDefault("card", "").replaceAll("\\D", "");
        String name = form.getOrDefault("name", "").strip();
        if (card.length() < 12 || name.isEmpty()) {
            json(exchange, 400, error("Enter the name on the card and a card number."));
            return;
        }
        List<DemoRecord.Line> lines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (String item : form.getOrDefault("items", "").split(",")) {
            String[] idAndCount = item.split(":");
            if (idAndCount.length != 2) {
                continue;
            }
            var product = catalogue.find(idAndCount[0]);
            int quantity = Integer.parseInt(idAndCount[1]);
            if (product.isEmpty() || quantity <= 0) {
                continue;
            }
            lines.add(new DemoRecord.Line(product.get().id(), product.get().title(), quantity, product.get().price()));
            amount = amount.add(product.get().price().multiply(BigDecimal.valueOf(quantity)));
        }
        if (lines.isEmpty()) {
            json(exchange, 400, error("The cart is empty."));
            return;
        }
        DemoRecord.Order order;
        synchronized (this) {
            order = new DemoRecord.Order(orders.size() + 1001, name, lines, amount, card.substring(card.length() - 4));
            orders.add(order);
        }
        json(exchange, 200, ok().put("number", order.number()).put("amount", amount));
    }

    private void mail(HttpExchange exchange, Map<String, String> form) throws IOException {
        String to = form.getOrDefault("to", "").strip();
        if (!to.contains("@")) {
            json(exchange, 400, error("Enter the address to send to."));
            return;
        }
        synchronized (this) {
            mails.add(new DemoRecord.Mail(to, form.getOrDefault("subject", ""), form.getOrDefault("body", "")));
        }
        json(exchange, 200, ok());
    }

    private void login(HttpExchange exchange, Map<String, String> form) throws IOException {
        String token;
        synchronized (this) {
            if (accountDeleted || !USER.equals(form.get("user")) || !password.equals(form.get("password"))) {
                json(exchange, 401, error("Wrong user name or password."));
                return;
            }
            token = UUID.randomUUID().toString();
            sessions.put(token, USER);
        }
        exchange.getResponseHeaders().add("Set-Cookie", "demo_session=" + token + "; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax");
        json(exchange, 200, ok().put("user", USER));
    }

    private void changePassword(HttpExchange exchange, Map<String, String> form) throws IOException {
        String user = user(exchange);
        if (user == null) {
            json(exchange, 401, error("Sign in first."));
            return;
        }
        String fresh = form.getOrDefault("new", "");
        synchronized (this) {
            if (!password.equals(form.get("current"))) {
                json(exchange, 400, error("The current password is wrong."));
                return;
            }
            if (fresh.length() < 8) {
                json(exchange, 400, error("The new password needs at least 8 characters."));
                return;
            }
            password = fresh;
            passwordChanges.add(new DemoRecord.PasswordChange(user));
        }
        json(exchange, 200, ok());
    }

    private void transfer(HttpExchange exchange, Map<String, String> form) throws IOException {
        String user = user(exchange);
        if (user == null) {
            json(exchange, 401, error("Sign in first."));
            return;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(form.getOrDefault("amount", "").strip().replace(",", "."));
        } catch (NumberFormatException e) {
            json(exchange, 400, error("Enter the amount as a number."));
            return;
        }
        if (amount.signum() <= 0 || form.getOrDefault("to", "").isBlank()) {
            json(exchange, 400, error("Enter a recipient and an amount above zero."));
            return;
        }
        synchronized (this) {
            transfers.add(new DemoRecord.Transfer(user, form.get("to").strip(), amount, form.getOrDefault("reference", "")));
        }
        json(exchange, 200, ok().put("amount", amount.toPlainString()));
    }

    private void deleteAccount(HttpExchange exchange, Map<String, String> form) throws IOException {
        String user = user(exchange);
        if (user == null) {
            json(exchange, 401, error("Sign in first."));
            return;
        }
        synchronized (this) {
            accountDeleted = true;
            sessions.clear();
            deletions.add(new DemoRecord.AccountDeletion(user));
        }
        json(exchange, 200, ok());
    }

    private ObjectNode me(HttpExchange exchange) {
        return JsonText.object().put("user", user(exchange));
    }

    private synchronized String user(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals("demo_session") && sessions.containsKey(pair[1])) {
                    return sessions.get(pair[1]);
                }
            }
        }
        return null;
    }

    private void file(HttpExchange exchange, String path) throws IOException {
        String clean = URI.create(path).normalize().getPath();
        if (clean.contains("..")) {
            send(exchange, 404, "text/plain", "Not found");
            return;
        }
        String resource = "demo" + (clean.endsWith("/") ? clean + "index.html" : clean);
        InputStream redesigned = changed && resource.endsWith(".html")
                ? loader.getResourceAsStream(resource.replaceFirst("\\.html$", ".v2.html")) : null;
        InputStream in = redesigned != null ? redesigned : loader.getResourceAsStream(resource);
        if (in == null && !clean.endsWith("/") && !clean.contains(".")) {
            exchange.getResponseHeaders().add("Location", clean + "/");
            send(exchange, 301, "text/plain", "Moved to " + clean + "/");
            return;
        }
        if (in == null) {
            send(exchange, 404, "text/html; charset=utf-8", "<!doctype html><title>Not found</title><h1>Not found</h1>");
            return;
        }
        try (in) {
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", contentType(resource));
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static String contentType(String resource) {
        String name = resource.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".json")) return "application/json";
        return "text/plain; charset=utf-8";
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static ObjectNode ok() {
        return JsonText.object().put("ok", true);
    }

    private static ObjectNode error(String message) {
        return JsonText.object().put("ok", false).put("error", message);
    }

    private static void json(HttpExchange exchange, int status, Object answer) throws IOException {
        send(exchange, status, "application/json", JsonText.write(answer));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
