package dev.deft.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The demo server records what the sites did, prices orders itself, and tells it as JSON. */
class DemoServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(DemoServer server, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pricesAnOrderFromItsCatalogueAndRecordsItWithTheMail() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            post(server, "api/shop/orders", "items=teapot:2,pen:1&name=Ann&card=4242424242424242");
            post(server, "api/mail/send", "to=bob%40example.com&subject=Hi&body=Line+%22one%22");

            DemoRecord record = server.record();
            assertThat(record.orders()).singleElement().satisfies(o -> {
                assertThat(o.amount()).isEqualByComparingTo("81.80");
                assertThat(o.cardLast4()).isEqualTo("4242");
            });
            String json = http.send(HttpRequest.newBuilder(URI.create(server.url("api/record"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).contains("\"amount\":81.80").contains("\"to\":\"bob@example.com\"")
                    .contains("\"body\":\"Line \\\"one\\\"\"").contains("\"deletions\":[]");
        }
    }

    @Test
    void refusesAnOrderWithoutACardAndRecordsNothing() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            HttpResponse<String> answer = post(server, "api/shop/orders", "items=teapot:1&name=Ann&card=");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(server.record().isEmpty()).isTrue();
        }
    }

    @Test
    void servesThePagesOfTheThreeSites() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            for (String page : new String[] {"", "shop/", "mail/", "account/", "shop/checkout.html"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url(page))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(page).isEqualTo(200);
                assertThat(answer.body()).as(page).startsWith("<!doctype html>");
            }
        }
    }

    @Test
    void theApiAnswersInTheShapesThePagesRead() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            ObjectMapper json = new ObjectMapper();
            HttpResponse<String> placed = post(server, "api/shop/orders", "items=teapot:2,pen:1&name=Ann&card=4242424242424242");
            post(server, "api/mail/send", "to=bob%40example.com&subject=%3Cb%3EHi%3C%2Fb%3E&body=a%0Ab");

            assertThat(placed.body()).isEqualTo("{\"ok\":true,\"number\":1001,\"amount\":81.80}");
            JsonNode record = json.readTree(get(server, "api/record"));
            assertThat(record.fieldNames()).toIterable()
                    .containsExactly("orders", "mails", "passwordChanges", "deletions", "transfers");
            assertThat(record.at("/orders/0/lines/0").fieldNames()).toIterable()
                    .containsExactly("product", "title", "quantity", "price");
            assertThat(record.at("/mails/0/subject").asText()).isEqualTo("<b>Hi</b>");
            assertThat(record.at("/mails/0/body").asText()).isEqualTo("a\nb");
            JsonNode product = json.readTree(get(server, "api/shop/products")).get(0);
            assertThat(product.fieldNames()).toIterable().containsExactly("id", "title", "price", "category", "description");
            JsonNode episode = json.readTree(get(server, "api/lab/signup/next"));
            assertThat(episode.fieldNames()).toIterable().containsExactly("number", "name", "email", "plan", "layout");
            assertThat(get(server, "api/account/me")).isEqualTo("{\"user\":null}");
            assertThat(post(server, "api/account/login", "user=demo&password=wrong").body())
                    .isEqualTo("{\"ok\":false,\"error\":\"Wrong user name or password.\"}");
        }
    }

    private String get(DemoServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
