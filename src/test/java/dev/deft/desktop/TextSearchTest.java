package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSearchTest {
    private static ScreenWord word(String text, int x, int y) {
        return new ScreenWord(text, new Rectangle(x, y, 10 * text.length(), 14), 90);
    }

    @Test
    void findsAPhraseAcrossWordsOfOneLine() {
        TextSearch.Result result = TextSearch.find("Save As", List.of(word("Save", 10, 10), word("As", 60, 11),
                word("Cancel", 10, 40)));

        assertThat(result.hits()).singleElement().satisfies(hit -> assertThat(hit.box()).isEqualTo(new Rectangle(10, 10, 70, 15)));
    }

    @Test
    void aShortWordMustMatchExactlyButALongOneMayBeMisreadALittle() {
        assertThat(TextSearch.find("7", List.of(word("1", 0, 0), word("T", 40, 0))).found()).isFalse();
        assertThat(TextSearch.find("Transfer", List.of(word("Transfcr", 0, 0))).found()).isTrue();
    }

    @Test
    void saysTheClosestTextWhenNothingMatches() {
        TextSearch.Result result = TextSearch.find("Delete", List.of(word("Deleted", 0, 0), word("OK", 50, 0)));

        assertThat(result.found()).isTrue();
        assertThat(TextSearch.find("Remove", List.of(word("Move", 0, 0))).closest().read()).isEqualTo("Move");
    }

    @Test
    void twoPlacesWithTheTextAreBothReported() {
        TextSearch.Result result = TextSearch.find("OK", List.of(word("OK", 0, 0), word("OK", 0, 100)));

        assertThat(result.hits()).hasSize(2);
    }
}
