package dev.deft.plan;

import java.util.List;
import java.util.Optional;

/** One thing a plain request asks for, before it is matched to what is on the screen. */
public sealed interface Intent {

    /** Open an address or a site by name ({@code the shop}, {@code example.org}). */
    record Open(String where) implements Intent { }

    /** Click something named. */
    record Click(Phrase thing) implements Intent { }

    /** Type a value into a field; with no field named, into the one field there is or the focused one. */
    record Fill(Optional<Phrase> field, String value) implements Intent { }

    /** Choose an option in a list (or a radio group); the list may be left for the page to tell. */
    record Choose(String option, Optional<Phrase> list) implements Intent { }

    /** Check or uncheck boxes. */
    record SetBoxes(List<Phrase> boxes, boolean checked) implements Intent { }

    /** Search for something, on a site if one is named. */
    record Search(String query, Optional<String> site) implements Intent { }

    /** Log in as a user, with a password given or kept in the vault (then as {@code {{secret:NAME}}}). */
    record LogIn(String user, Optional<String> password, Optional<String> site) implements Intent { }

    /** Press a key or a chord, in a field if one is named. */
    record Press(String keys, Optional<Phrase> in) implements Intent { }

    /** Scroll the page, or bring something into view. */
    record Scroll(Optional<Phrase> to, boolean down) implements Intent { }

    /** Wait until some text is shown. */
    record WaitFor(String text) implements Intent { }

    /** Read something and give it back; with nothing named, the page's main text. */
    record Read(Optional<Phrase> thing, boolean table) implements Intent { }

    /** Put an item in the cart: a product named, or one chosen by a rule such as {@code the cheapest}. */
    record AddToCart(Phrase item) implements Intent { }

    /** Go through the checkout. */
    record CheckOut() implements Intent { }

    /** End the run, with a summary if one is given. */
    record Finish(Optional<String> summary) implements Intent { }
}
