package dev.deft.ui;

import dev.deft.core.RiskClass;
import java.util.Locale;

/** A risk class in plain words, for a card's chip and the approval card's heading. */
final class RiskText {
    private RiskText() {
    }

    static String chip(RiskClass risk) {
        return risk.name();
    }

    static String styleClass(RiskClass risk) {
        return "risk-" + risk.name().toLowerCase(Locale.ROOT);
    }

    /** What approving a step of this class lets happen. */
    static String consequence(RiskClass risk) {
        return switch (risk) {
            case SEND -> "This sends something in your name: a message, a post or an invitation.";
            case PAY -> "This spends money: an order, a payment or a subscription.";
            case DELETE -> "This deletes or cancels something, and it may not come back.";
            case ACCOUNT -> "This changes an account: a password, a permission or a security setting.";
            case SUBMIT -> "This submits a form.";
            case INPUT -> "This fills in a field.";
            case READ -> "This only looks.";
        };
    }
}
