package dev.deft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Prices as pages write them, in the ways of several countries. */
class AmountTest {

    private static BigDecimal read(String text) {
        return Amount.in(text).orElseThrow(() -> new AssertionError("no amount in " + text)).value();
    }

    @Test
    void aCommaBeforeTwoDigitsIsTheDecimalSeparator() {
        assertThat(read("7,99 €")).isEqualByComparingTo("7.99");
        assertThat(read("Price: 12,5 EUR")).isEqualByComparingTo("12.5");
    }

    @Test
    void separatorsBeforeGroupsOfThreeDigitsOnlyGroupThousands() {
        assertThat(read("€1,299.00")).isEqualByComparingTo("1299.00");
        assertThat(read("1.299,00 €")).isEqualByComparingTo("1299.00");
        assertThat(read("$12,500")).isEqualByComparingTo("12500");
        assertThat(read("1 299,00 €")).isEqualByComparingTo("1299.00");
    }

    @Test
    void symbolsAndCodesBeforeOrAfter() {
        assertThat(read("$12")).isEqualByComparingTo("12");
        assertThat(read("12 USD")).isEqualByComparingTo("12");
        assertThat(Amount.in("Pay £4.50 now").orElseThrow().currency()).isEqualTo("£");
        assertThat(Amount.in("total 30 chf").orElseThrow().currency()).isEqualTo("CHF");
    }

    @Test
    void numbersWithoutMoneyAreNoAmount() {
        assertThat(Amount.in("Order #998 has shipped")).isEmpty();
        assertThat(Amount.in("12,500 steps")).isEmpty();
        assertThat(Amount.in("busdriver 12")).isEmpty();
        assertThat(Amount.in("")).isEmpty();
    }

    @Test
    void theFirstAmountWrittenIsRead() {
        assertThat(read("was $15, now $9.99")).isEqualByComparingTo("15");
    }
}
