package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page library escapes what would break its one-line-per-element form; the observer gets the text back intact. */
class PageObserverTest {

    @Test
    void textWithoutBackslashesComesBackAsItIs() {
        assertThat(PageObserver.unescape("Add to cart")).isEqualTo("Add to cart");
    }

    @Test
    void separatorsLineBreaksAndBackslashesInAFieldComeBackAsTheyWere() {
        assertThat(PageObserver.unescape("line one\\nline\\|two\\r\\\\ end")).isEqualTo("line one\nline|two\r\\ end");
    }

    @Test
    void aLoneTrailingBackslashIsKept() {
        assertThat(PageObserver.unescape("C:\\")).isEqualTo("C:\\");
    }
}
