package dev.deft.safety;

import dev.deft.core.TargetFacts;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a field's value is shown on an approval card: card numbers by their last four digits, codes not at all. */
final class PayloadMask {
    private static final Pattern CARD = Pattern.compile("cc-number|card ?number|credit card|debit card|\\bpan\\b");
    private static final Pattern HIDDEN = Pattern.compile("password|passcode|cc-csc|\\bcvc\\b|\\bcvv\\b|cv2|security code|\\bpin\\b|one-time-code");

    private PayloadMask() {
    }

    static String value(TargetFacts.Field field) {
        String words = field.words().toLowerCase(Locale.ROOT);
        if (HIDDEN.matcher(words).find() || field.inputType().equalsIgnoreCase("password")) {
            return "•••";
        }
        if (CARD.matcher(words).find()) {
            return lastFour(field.value());
        }
        return field.value();
    }

    /** {@code •••• 4242}: only the last four digits of a card number. */
    static String lastFour(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.length() <= 4 ? "••••" : "•••• " + digits.substring(digits.length() - 4);
    }
}
