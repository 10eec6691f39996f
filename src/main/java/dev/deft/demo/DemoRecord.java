package dev.deft.demo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;

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
    @JsonIgnore
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
        return JsonText.write(this);
    }
}
