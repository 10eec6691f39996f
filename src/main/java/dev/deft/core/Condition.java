package dev.deft.core;

/** What a {@link Action.WaitFor} waits for. */
public sealed interface Condition {

    /** Some text is shown. */
    record TextShown(String text) implements Condition {
        public TextShown { text = Require.nonBlank(text, "text"); }
        @Override public String toString() { return "\"" + text + "\" is shown"; }
    }

    /** Some text is gone. */
    record TextGone(String text) implements Condition {
        public TextGone { text = Require.nonBlank(text, "text"); }
        @Override public String toString() { return "\"" + text + "\" is gone"; }
    }

    /** An element is there and visible. */
    record ElementShown(Target target) implements Condition {
        public ElementShown { Require.nonNull(target, "target"); }
        @Override public String toString() { return target + " is shown"; }
    }

    /** An element is no longer there: a dialog closed, a spinner went away. */
    record ElementGone(Target target) implements Condition {
        public ElementGone { Require.nonNull(target, "target"); }
        @Override public String toString() { return target + " is gone"; }
    }

    /** The address contains a fragment. */
    record UrlContains(String fragment) implements Condition {
        public UrlContains { fragment = Require.nonBlank(fragment, "fragment"); }
        @Override public String toString() { return "the address contains \"" + fragment + "\""; }
    }

    /** A while has passed: "wait 2 seconds", as a request may ask in so many words. */
    record Elapsed(java.time.Duration time) implements Condition {
        public Elapsed {
            Require.nonNull(time, "time");
        }
        @Override public String toString() { return Brief.seconds(time) + " have passed"; }
    }

    /** The surface has stopped changing: its text stayed the same for {@code quiet}, as after results load. */
    record Settled(java.time.Duration quiet) implements Condition {
        public Settled {
            quiet = quiet == null ? java.time.Duration.ofMillis(800) : quiet;
        }
        @Override public String toString() { return "the page stops changing"; }
    }
}
