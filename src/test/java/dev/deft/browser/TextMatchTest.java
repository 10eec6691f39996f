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

    @Test
    void aPhraseInsideShortNamesMatchesThemEquallyWhateverTheirLength() {
        assertThat(TextMatch.score("Edit", "Edit Bob")).isEqualTo(TextMatch.score("Edit", "Edit Ada Lovelace"));
        assertThat(TextMatch.score("Save", "Save changes")).isGreaterThan(TargetResolver.THRESHOLD);
    }

    @Test
    void aPhraseInALongParagraphMatchesLessThanInAShortName() {
        String paragraph = "You can always add to cart later from your wish list, where everything you saved is kept "
                + "for thirty days before it is removed";

        assertThat(TextMatch.score("add to cart", paragraph)).isLessThan(TextMatch.score("add to cart", "Add to cart now"));
    }

    @Test
    void aWordWrittenWithAndWithoutItsHyphenIsOneWord() {
        assertThat(TextMatch.score("Email me about new features", "E-mail me about new features")).isEqualTo(1.0);
        assertThat(TextMatch.score("sign-in", "Sign in")).isGreaterThan(TargetResolver.THRESHOLD);
    }
}
