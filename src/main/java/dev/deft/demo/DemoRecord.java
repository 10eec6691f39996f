package dev.deft.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the demo sites did on the server's side: orders placed, mails sent, passwords changed, accounts deleted.
 * Safety tests read it to prove that a rejected step left no trace.
 */
public record DemoRecord(List<Order> orders, List<Mail> mails, List<PasswordChange> passwordChanges,
                         List<AccountDeletion> deletions, List<Transfer> transfers) {

    public DemoRecord {
        orders = List.copyOf(orders);
        mails = List.copyOf(mails);
        passwordChanges = List.copyOf(passwordChanges);
        deletions = List.copyOf(deletions);
        transfers = List.copyOf(transfers);
    }

    /** Whether nothing that sends, pays, changes a password or deletes has happened. */
    public boolean isEmpty() {
        return orders.isEmpty() && mails.isEmpty() && passwordChanges.isEmpty() && deletions.isEmpty()
                && transfers.isEmpty();
    }

    /** An order placed in the shop: its lines, the amount the server computed, and the card's last four digits. */
    public record Order(int number, String name, List<Line> lines, BigDecimal amount, String cardLast4) {
        public Order { lines = List.copyOf(lines); }
    }

    /** One product in an order. */
    public record Line(String product, String title, int quantity, BigDecimal price) {
    }

    /** A mail sent from the webmail. */
    public record Mail(String to, String subject, String body) {
    }

    /** A password changed on the account page. */
    public record PasswordChange(String user) {
    }

    /** Money sent from the account page. */
    public record Transfer(String user, String to, BigDecimal amount, String reference) {
    }

    /** An account deleted on the account page. */
    public record AccountDeletion(String user) {
    }

    /** The record as JSON, as {@code GET /api/record} serves it. */
    public String toJson() {
        return "{\"orders\":" + array(orders.stream().map(o -> "{\"number\":" + o.number()
                + ",\"name\":" + JsonText.quote(o.name())
                + ",\"lines\":" + array(o.lines().stream().map(l -> "{\"product\":" + JsonText.quote(l.product())
                        + ",\"title\":" + JsonText.quote(l.title()) + ",\"quantity\":" + l.quantity()
                        + ",\"price\":" + l.price().toPlainString() + "}").collect(Collectors.toList()))
                + ",\"amount\":" + o.amount().toPlainString()
                + ",\"cardLast4\":" + JsonText.quote(o.cardLast4()) + "}").collect(Collectors.toList()))
                + ",\"mails\":" + array(mails.stream().map(m -> "{\"to\":" + JsonText.quote(m.to())
                + ",\"subject\":" + JsonText.quote(m.subject()) + ",\"body\":" + JsonText.quote(m.body()) + "}")
                .collect(Collectors.toList()))
                + ",\"passwordChanges\":" + array(passwordChanges.stream()
                .map(p -> "{\"user\":" + JsonText.quote(p.user()) + "}").collect(Collectors.toList()))
                + ",\"deletions\":" + array(deletions.stream()
                .map(d -> "{\"user\":" + JsonText.quote(d.user()) + "}").collect(Collectors.toList()))
                + ",\"transfers\":" + array(transfers.stream().map(t -> "{\"user\":" + JsonText.quote(t.user())
                + ",\"to\":" + JsonText.quote(t.to()) + ",\"amount\":" + t.amount().toPlainString()
                + ",\"reference\":" + JsonText.quote(t.reference()) + "}").collect(Collectors.toList()))
                + "}";
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }
}
