package dev.deft.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money as pages write it, whichever way they group digits: "7,99 €", "€1,299.00", "1.299,00 €", "$12",
 * "12 USD". The one reader of prices, for choosing the cheapest thing and for the risk rules alike.
 *
 * @param currency the symbol or code as written, upper-cased ("€", "$", "USD")
 */
public record Amount(BigDecimal value, String currency) {
    private static final String SYMBOL = "[$€£¥₹]";
    private static final String CODE = "usd|eur|gbp|chf|inr|jpy|cad|aud|sek|nok|dkk|pln";
    /** Digits in groups of three with a separator, or plain digits; then perhaps a decimal part of one or two digits. */
    private static final String NUMBER = "\\d{1,3}(?:[ \\u00a0\\u202f'.,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final Pattern BEFORE = Pattern.compile("(" + SYMBOL + "|(?<![\\p{L}])(?:" + CODE + "))\\s?("
            + NUMBER + ")(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile("(?<![\\d.,])(" + NUMBER + ")\\s?(" + SYMBOL + "|(?:" + CODE
            + ")(?![\\p{L}]))", Pattern.CASE_INSENSITIVE);

    public Amount {
        Require.nonNull(value, "value");
        currency = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
    }

    /** The first amount of money written in {@code text}, if there is one. */
    public static Optional<Amount> in(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher before = BEFORE.matcher(text);
        Matcher after = AFTER.matcher(text);
        boolean hasBefore = before.find();
        boolean hasAfter = after.find();
        if (hasBefore && (!hasAfter || before.start() <= after.start())) {
            return Optional.of(new Amount(number(before.group(2)), before.group(1)));
        }
        if (hasAfter) {
            return Optional.of(new Amount(number(after.group(1)), after.group(2)));
        }
        return Optional.empty();
    }

    /**
     * The value of digits written with separators: the last separator is the decimal one when one or two digits follow
     * it ("7,99", "1.299,00"), and every other separator only groups thousands ("1,299", "12.500").
     */
    static BigDecimal number(String written) {
        String plain = written.replaceAll("[ \\u00a0\\u202f']", "");
        int last = Math.max(plain.lastIndexOf('.'), plain.lastIndexOf(','));
        int after = last < 0 ? 0 : plain.length() - last - 1;
        if (last >= 0 && after >= 1 && after <= 2) {
            return new BigDecimal(plain.substring(0, last).replaceAll("[.,]", "") + "." + plain.substring(last + 1));
        }
        return new BigDecimal(plain.replaceAll("[.,]", ""));
    }
}
