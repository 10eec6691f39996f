package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How words a person gives are matched against the words on a page. */
class TextMatchTest {

    @Test
    void theSameWordsMatchFullyWhateverTheCaseSpacingAndAccents() {
        assertThat(TextMatch.score("add to cart", "  Add to  Cart ")).isEqualTo(1.0);
        assertThat(TextMatch.score("Francais", "Français")).isEqualTo(1.0);
    }

    @Test
    void aWholePhraseInsideLongerTextMatchesWellButLessThanExactly() {
        double inside = TextMatch.score("Place order", "Place order now");

        assertThat(inside).isGreaterThan(TargetResolver.THRESHOLD).isLessThan(1.0);
    }

    @Test
    void lookalikeWordsStayBelowTheThreshold() {
        assertThat(TextMatch.score("Add to cart", "Add to list")).isLessThan(TargetResolver.THRESHOLD);
        assertThat(TextMatch.score("Cart (3)", "Cart (2)")).isLessThan(TargetResolver.THRESHOLD);
        assertThat(TextMatch.score("art", "Add to cart")).isLessThan(TargetResolver.THRESHOLD);
    }
}
