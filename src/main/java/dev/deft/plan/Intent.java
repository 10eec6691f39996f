package dev.deft.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One thing a plain request asks for, before it is matched to what is on the screen. */
public sealed interface Intent {

    /** Open an address or a site by name ({@code the shop}, {@code example.org}). */
    record Open(String where) implements Intent { }

    /** Click something named. */
    record Click(Phrase thing) implements Intent { }

    /** Show what is under a thing, as on the way along a menu path: a menu item is pointed at, a menu button clicked. */
    record Reveal(Phrase thing) implements Intent { }

    /** Put a value in a field; with no field named, in the one field there is or the focused one. */
    record Fill(Optional<Phrase> field, Value value) implements Intent {
        static Fill text(Optional<Phrase> field, String text) {
            return new Fill(field, new Value.Text(text));
        }
    }

    /** What a {@link Fill} puts in. */
    sealed interface Value {
        /** Words to type as they are. */
        record Text(String text) implements Value { }

        /** What the request read before: "type that into the box", "enter it". */
        record Recalled() implements Value { }

        /** A description of the value to choose from what the page offers: "a word that starts with Ka". */
        record Described(String description) implements Value { }
    }

    /** Choose an option in a list (or a radio group); the list may be left for the page to tell. */
    record Choose(String option, Optional<Phrase> list) implements Intent { }

    /** Check or uncheck boxes. */
    record SetBoxes(List<Phrase> boxes, boolean checked) implements Intent { }

    /** Search for something, on a site if one is named. */
    record Search(String query, Optional<String> site) implements Intent { }

    /** Find a thing on the page ("find Sayre in the contact book"): bring it into view and name it for what follows. */
    record Locate(Phrase thing) implements Intent { }

    /** Open a collapsed section, the one named or the one there is. */
    record Expand(Optional<Phrase> section, boolean all) implements Intent { }

    /** Log in as a user, with a password given or kept in the vault (then as {@code {{secret:NAME}}}). */
    record LogIn(String user, Optional<String> password, Optional<String> site) implements Intent { }

    /** Press a key or a chord, in a field if one is named. */
    record Press(String keys, Optional<Phrase> in) implements Intent { }

    /** Scroll the page, or bring something into view. */
    record Scroll(Optional<Phrase> to, boolean down) implements Intent { }

    /** Wait until some text is shown. */
    record WaitFor(String text) implements Intent { }

    /** Wait a while: "wait 2 seconds". */
    record Pause(Duration time) implements Intent { }

    /**
     * Read something and give it back; with nothing named, the page's main text.
     *
     * @param word which word of it is wanted: 1 for the first, -1 for the last, 0 for all of it
     */
    record Read(Optional<Phrase> thing, boolean table, int word) implements Intent {
        Read(Optional<Phrase> thing, boolean table) {
            this(thing, table, 0);
        }
    }

    /** Put an item in the cart: a product named, or one chosen by a rule such as {@code the cheapest}. */
    record AddToCart(Phrase item) implements Intent { }

    /** Go through the checkout. */
    record CheckOut() implements Intent { }

    /** A clause with no rule of its own ("save", "sign me up", "Surname Ito"): the page's words decide what it asks. */
    record Unread(String clause) implements Intent { }

    /** A clause understood well enough to know it cannot be done without a model, and why. */
    record Cannot(String clause, String why) implements Intent { }

    /** End the run, with a summary if one is given. */
    record Finish(Optional<String> summary) implements Intent { }
}
