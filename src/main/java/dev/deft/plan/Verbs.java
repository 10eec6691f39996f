package dev.deft.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The verbs a request begins with, and forgiveness for a typo in them ("clik", "serach"). */
final class Verbs {
    /** Longest first, so that "go to" wins over "go", and "check out" over "check". */
    static final List<String> ALL = List.of("navigate to", "browse to", "take me to", "bring up", "proceed to",
            "look up", "log in", "log on", "sign in", "fill in", "fill out", "check out", "turn on", "turn off",
            "switch on", "switch off", "tell me", "show me", "give me", "find out", "what is", "what's", "go to",
            "head to", "scroll", "search", "open", "visit", "load", "goto", "click", "press", "tap", "hit", "push",
            "follow", "type", "enter", "write", "input", "put", "insert", "fill", "set", "change", "update", "use",
            "choose", "select", "pick", "check", "tick", "mark", "uncheck", "untick", "unmark", "deselect", "clear",
            "enable", "disable", "find", "login", "signin", "wait", "read", "get", "extract", "return", "copy", "grab",
            "fetch", "report", "add", "finish", "done", "stop", "end", "complete", "place", "submit", "checkout", "paste",
            "expand", "unfold", "locate", "save", "apply", "create", "delete", "remove", "archive", "send", "reply",
            "forward", "star", "like", "share", "download", "upload", "cancel", "confirm", "accept", "decline", "close",
            "dismiss", "edit", "rename", "subscribe", "unsubscribe", "register", "sign up", "buy", "pay", "refresh",
            "reload", "go back", "continue", "focus", "make", "toggle", "switch");

    private Verbs() {
    }

    /** The verb a clause starts with, as written or within one typo, and the clause with it spelled right. */
    static Optional<String> correct(String clause) {
        String lower = clause.toLowerCase(Locale.ROOT).strip();
        for (String verb : ALL) {
            if (lower.equals(verb) || lower.startsWith(verb + " ")) {
                return Optional.of(clause.strip());
            }
        }
        String[] words = lower.split("\\s+", 2);
        String first = words[0];
        if (first.length() < 4) {
            return Optional.empty();
        }
        for (String verb : ALL) {
            if (first.equals(verb + "s") || first.equals(verb + "d")) {
                return Optional.empty(); // "ends with", "checked": a verb said of something, not a command
            }
            if (!verb.contains(" ") && Math.abs(verb.length() - first.length()) <= 1 && NameLikeness.distance(verb, first) == 1) {
                return Optional.of(verb + (words.length > 1 ? " " + clause.strip().split("\\s+", 2)[1] : ""));
            }
        }
        return Optional.empty();
    }

    static boolean startsWithVerb(String clause) {
        return correct(clause).isPresent();
    }
}
