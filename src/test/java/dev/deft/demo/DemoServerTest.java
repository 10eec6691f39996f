package dev.deft.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
}
