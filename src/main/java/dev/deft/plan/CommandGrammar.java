package dev.deft.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain request into the things it asks for, clause by clause: {@code open the shop, search for usb cable
 * then add the cheapest to the cart}. Clauses are split at new lines, semicolons, "then", and at commas and "and"
 * where a new verb begins; quoted text is taken literally and never split. A clause it cannot read is named.
 */
public final class CommandGrammar {

    /** What a request asks for, or the clause that could not be read. */
    public sealed interface Reading {
        record Understood(List<Intent> intents) implements Reading { }

        record NotUnderstood(String clause) implements Reading { }
    }

    private static final Pattern QUOTE = Pattern.compile("\"[^\"]*\"|“[^”]*”|'[^']*'(?![a-z])");
    private static final Pattern KEY = Pattern.compile("(?i)((ctrl|control|alt|shift|meta|cmd|command|super)\\s*[+-]\\s*)*"
            + "(enter|return|tab|escape|esc|space|spacebar|backspace|delete|del|up|down|left|right|home|end|"
            + "page ?up|page ?down|pgup|pgdn|insert|f\\d{1,2}|arrow ?(up|down|left|right)|(up|down|left|right) ?arrow|[a-z0-9])");
    private static final Set<String> CURRENT = Set.of("it", "this", "this one", "this item", "this product",
            "the item", "the product", "that", "that one");

    private final Set<String> siteNames;

    /** @param siteNames the sites a request may name without an address ("shop", "webmail"), in lower case */
    public CommandGrammar(Set<String> siteNames) {
        this.siteNames = Set.copyOf(siteNames);
    }

    public Reading read(String request) {
        List<Intent> intents = new ArrayList<>();
        for (String clause : clauses(request)) {
            // A clause that does not begin with a verb may still have one later: "into the subject field type Hello".
            Optional<Intent> intent = Verbs.correct(clause).flatMap(this::intentOf).or(() -> intentOf(clause));
            if (intent.isEmpty()) {
                return new Reading.NotUnderstood(clause);
            }
            intents.add(referred(intent.get(), intents));
        }
        return intents.isEmpty() ? new Reading.NotUnderstood(request.strip()) : new Reading.Understood(intents);
    }

    /** "wait for "Wool Blanket", then click it": "it" is the thing the clause before named. */
    private static Intent referred(Intent intent, List<Intent> before) {
        if (!(intent instanceof Intent.Click click) || !isCurrent(click.thing().spoken()) || before.isEmpty()) {
            return intent;
        }
        Intent last = before.get(before.size() - 1);
        if (last instanceof Intent.WaitFor wait) {
            return new Intent.Click(Phrase.of("\"" + wait.text() + "\""));
        }
        if (last instanceof Intent.Scroll scroll && scroll.to().isPresent()) {
            return new Intent.Click(scroll.to().get());
        }
        return intent;
    }

    /** The request cut into clauses, each beginning with its own verb. */
    static List<String> clauses(String request) {
        List<String> quotes = new ArrayList<>();
        Matcher quote = QUOTE.matcher(request);
        StringBuilder guarded = new StringBuilder();
        while (quote.find()) {
            quotes.add(quote.group());
            quote.appendReplacement(guarded, "\u0001" + (quotes.size() - 1) + "\u0002");
        }
        quote.appendTail(guarded);
        List<String> clauses = new ArrayList<>();
        for (String part : guarded.toString().split("(?i)\\s*(?:\\n|;|,?\\s*\\band then\\b|,?\\s*\\bthen\\b|,?\\s*\\bafter that\\b)\\s*")) {
            List<String> pieces = new ArrayList<>();
            for (String piece : part.split("(?i)\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*")) {
                String restored = restore(piece, quotes).strip();
                if (restored.isEmpty()) {
                    continue;
                }
                String before = pieces.isEmpty() ? "" : pieces.get(pieces.size() - 1);
                boolean placeFirst = before.matches("(?i)^(?:in|into|inside)\\s+\\S.*") && !Verbs.startsWithVerb(before)
                        && !before.matches("(?i).*\\s(?:type|enter|write|input|put|insert)\\s.*");
                if (pieces.isEmpty() || Verbs.startsWithVerb(restored) && !endsAList(before, restored) && !placeFirst) {
                    pieces.add(restored);
                } else {
                    // "check red and green", "type milk, eggs": a piece with no verb of its own belongs to the one before
                    String joiner = placeFirst || piece.contains(",") ? ", " : " and ";
                    pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + joiner + restored);
                }
            }
            clauses.addAll(pieces);
        }
        clauses.replaceAll(c -> c.replaceAll("[.!]+$", "").strip());
        clauses.removeIf(String::isEmpty);
        return clauses;
    }

    /** "tick the red and read receipt boxes": a piece that ends in a plural kind closes the list of the clause before. */
    private static boolean endsAList(String before, String piece) {
        return piece.matches("(?i).*\\s(?:boxes|checkboxes|options|fields|buttons|links)$")
                && before.matches("(?i)^(?:check|tick|mark|uncheck|untick|unmark|deselect|select|enable|disable|clear)\\b.*");
    }

    private static String restore(String piece, List<String> quotes) {
        Matcher slot = Pattern.compile("\u0001(\\d+)\u0002").matcher(piece);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(out, Matcher.quoteReplacement(quotes.get(Integer.parseInt(slot.group(1)))));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private Optional<Intent> intentOf(String clause) {
        String c = clause.strip();
        Matcher m;
        if ((m = match("^(?:finish|done|stop|end)(?:\\s+(?:with|saying)\\s+(?<s>.+))?$", c)) != null) {
            return some(new Intent.Finish(Optional.ofNullable(m.group("s")).map(CommandGrammar::unquote)));
        }
        if (match("^(?:check ?out|checkout|proceed to (?:the )?check ?out|go to (?:the )?check ?out)(?: now)?$", c) != null) {
            return some(new Intent.CheckOut());
        }
        if ((m = match("^(?:log ?in|log on|sign ?in|signin)\\b(?<rest>.*)$", c)) != null) {
            return logIn(m.group("rest"));
        }
        if ((m = match("^(?:search|look)\\s+(?:on\\s+|in\\s+)?(?:the\\s+)?(?<site>[\\w.:/-]+)(?:\\s+(?:site|website))?\\s+for\\s+(?<q>.+)$", c)) != null
                && (siteNames.contains(m.group("site").toLowerCase(Locale.ROOT)) || looksLikeAddress(m.group("site")))) {
            return some(new Intent.Search(unquote(m.group("q")), Optional.of(m.group("site"))));
        }
        if ((m = match("^(?:search|look up|lookup|find)\\s+(?:for\\s+)?(?<q>.+)$", c)) != null) {
            return search(m.group("q"));
        }
        if ((m = match("^(?:add|put)\\s+(?<item>.+?)\\s+(?:to|in|into)\\s+(?:the\\s+|my\\s+)?(?:shopping\\s+)?(?:cart|basket|bag|trolley)$", c)) != null) {
            return some(new Intent.AddToCart(Phrase.of(m.group("item"))));
        }
        if ((m = match("^(?:open|go to|goto|visit|navigate to|browse to|load|head to|take me to|bring up)\\s+(?<where>.+)$", c)) != null) {
            return some(new Intent.Open(m.group("where").strip()));
        }
        Optional<Intent> fill = fill(c);
        if (fill.isPresent()) {
            return fill;
        }
        if ((m = match("^(?:choose|select|pick|set)\\s+(?<o>.+?)\\s+(?:from|in|on|under|for|as)\\s+(?<l>.+)$", c)) != null) {
            return some(new Intent.Choose(unquote(m.group("o")), Optional.of(Phrase.of(m.group("l")))));
        }
        if ((m = match("^(?:uncheck|untick|unmark|deselect|disable|turn off|switch off|clear)\\s+(?<items>.+)$", c)) != null) {
            return some(new Intent.SetBoxes(items(m.group("items")), false));
        }
        if ((m = match("^(?:check|tick|mark|enable|turn on|switch on)\\s+(?!if\\b|whether\\b|that\\b)(?<items>.+)$", c)) != null) {
            return some(new Intent.SetBoxes(items(m.group("items")), true));
        }
        if ((m = match("^(?:choose|select|pick)\\s+(?<o>.+)$", c)) != null) {
            return some(new Intent.Choose(unquote(m.group("o")), Optional.empty()));
        }
        if ((m = match("^(?:press|hit|tap|push|strike)\\s+(?:the\\s+)?(?<k>.+?)(?:\\s+key)?(?:\\s+(?:in|on)\\s+(?<f>.+))?$", c)) != null
                && KEY.matcher(unquote(m.group("k"))).matches()) {
            return some(new Intent.Press(keys(unquote(m.group("k"))), Optional.ofNullable(m.group("f")).map(Phrase::of)));
        }
        if ((m = match("^scroll(?:\\s+(?<dir>down|up))?(?:\\s+(?:to|until)\\s+(?:the\\s+)?(?<to>.+?))?(?:\\s+(?:a bit|a little|more|the page|page))?$", c)) != null) {
            return scroll(m.group("dir"), m.group("to"));
        }
        if ((m = match("^wait\\s+(?:for|until|till)\\s+(?<t>.+?)(?:\\s+(?:to\\s+)?(?:appears?|shows?(?: up)?|is shown|to show(?: up)?|loads?|to load|is there))?$", c)) != null) {
            return some(new Intent.WaitFor(unquote(m.group("t"))));
        }
        if ((m = match("^(?:read|get|extract|tell me|show me|what is|what's|whats|return|give me|report|copy|grab|fetch|find out)\\s+(?:me\\s+)?(?<thing>.+?)\\??$", c)) != null) {
            return readThing(m.group("thing"));
        }
        if ((m = match("^(?:click|press|tap|hit|push|follow|choose|select|open|place|submit|complete)\\s+(?:on\\s+)?(?<thing>.+)$", c)) != null) {
            String thing = m.group("thing");
            boolean verbIsName = c.toLowerCase(Locale.ROOT).matches("^(place|submit|complete)\\b.*");
            return some(new Intent.Click(Phrase.of(verbIsName ? c : thing)));
        }
        if (match("^(?:submit|place order|place the order|complete the order)$", c) != null) {
            return some(new Intent.Click(Phrase.of(c)));
        }
        return Optional.empty();
    }

    private Optional<Intent> logIn(String rest) {
        String r = " " + rest.strip() + " ";
        Optional<String> site = Optional.empty();
        Matcher to = Pattern.compile("(?i)\\s(?:to|on|at|into)\\s+(?:the\\s+)?(?<site>[\\w.:/-]+)(?:\\s+(?:site|website|page))?\\s").matcher(r);
        if (to.find()) {
            site = Optional.of(to.group("site"));
            r = r.substring(0, to.start()) + " " + r.substring(to.end());
        }
        Optional<String> password = Optional.empty();
        Matcher kept = Pattern.compile("(?i)\\s(?:and\\s+|,\\s*)?(?:with|using)\\s+(?:the\\s+|my\\s+)?(?:password|secret|passphrase)?\\s*"
                + "(?:kept|stored|saved)?\\s*(?:in the vault\\s*)?(?:as|under|named|called)\\s+[\"']?(?<name>[\\w.-]+)[\"']?\\s").matcher(r);
        Matcher vault = Pattern.compile("(?i)\\s(?:and\\s+|,\\s*)?(?:with|using)\\s+(?:the\\s+|my\\s+)?(?:vault|secret)\\s+[\"']?(?<name>[\\w.-]+)[\"']?\\s").matcher(r);
        Matcher given = Pattern.compile("(?i)\\s(?:and\\s+|,\\s*)?(?:with|using)?\\s*(?:the\\s+)?(?:password|pass|pw|pwd)\\s+(?:is\\s+)?(?<pw>\"[^\"]+\"|'[^']+'|\\S+)\\s").matcher(r);
        Matcher placeholder = Pattern.compile("\\s(?:and\\s+|,\\s*)?(?:with|using)?\\s*(?<ph>\\{\\{secret:[\\w.-]+}})\\s").matcher(r);
        if (kept.find()) {
            password = Optional.of("{{secret:" + kept.group("name") + "}}");
            r = r.substring(0, kept.start()) + " " + r.substring(kept.end());
        } else if (vault.find()) {
            password = Optional.of("{{secret:" + vault.group("name") + "}}");
            r = r.substring(0, vault.start()) + " " + r.substring(vault.end());
        } else if (placeholder.find()) {
            password = Optional.of(placeholder.group("ph"));
            r = r.substring(0, placeholder.start()) + " " + r.substring(placeholder.end());
        } else if (given.find()) {
            password = Optional.of(unquote(given.group("pw")));
            r = r.substring(0, given.start()) + " " + r.substring(given.end());
        }
        Matcher user = Pattern.compile("(?i)^\\s*(?:as|with|using)?\\s*(?:the\\s+)?(?:user(?:name)?|email|account|login)?\\s*(?<user>\"[^\"]+\"|'[^']+'|\\S+)\\s*$").matcher(r);
        if (!user.find()) {
            return Optional.empty();
        }
        return some(new Intent.LogIn(unquote(user.group("user")), password, site));
    }

    private Optional<Intent> search(String query) {
        String q = query.strip();
        Matcher on = Pattern.compile("(?i)^(?<q>.+?)\\s+(?:on|in|at)\\s+(?:the\\s+)?(?<site>[\\w.:/-]+)(?:\\s+(?:site|website|page))?$").matcher(q);
        if (on.matches() && (siteNames.contains(on.group("site").toLowerCase(Locale.ROOT)) || looksLikeAddress(on.group("site")))) {
            return some(new Intent.Search(unquote(on.group("q")), Optional.of(on.group("site"))));
        }
        return some(new Intent.Search(unquote(q), Optional.empty()));
    }

    private static Optional<Intent> fill(String c) {
        Matcher m;
        String value = "(?<v>\"[^\"]*\"|“[^”]*”|'[^']*'|.+)";
        if ((m = match("^(?:in|into|inside)\\s+(?<f>.+?),?\\s+(?:type|enter|write|input|put|insert|key in)\\s+" + value + "$", c)) != null) {
            return some(new Intent.Fill(Optional.of(Phrase.of(m.group("f"))), unquote(m.group("v"))));
        }
        if ((m = match("^(?:type|enter|write|input|put|insert|key in)\\s+" + value + "\\s+(?:into|in to|inside)\\s+(?<f>.+)$", c)) != null
                || (m = match("^(?:type|enter|write|input|put|insert|key in)\\s+" + value + "\\s+(?:in|on|at)\\s+(?<f>.+)$", c)) != null) {
            return some(new Intent.Fill(Optional.of(Phrase.of(m.group("f"))), unquote(m.group("v"))));
        }
        if ((m = match("^(?:fill(?: in| out)?|complete|populate)\\s+(?<f>.+?)\\s+(?:with|as|using)\\s+" + value + "$", c)) != null) {
            return some(new Intent.Fill(Optional.of(Phrase.of(m.group("f"))), unquote(m.group("v"))));
        }
        if ((m = match("^(?:set|change|update)\\s+(?<f>.+?)\\s+to\\s+" + value + "$", c)) != null) {
            return some(new Intent.Fill(Optional.of(Phrase.of(m.group("f"))), unquote(m.group("v"))));
        }
        if ((m = match("^(?:enter|type|use|put)\\s+" + value + "\\s+(?:as|for)\\s+(?<f>.+)$", c)) != null) {
            return some(new Intent.Fill(Optional.of(Phrase.of(m.group("f"))), unquote(m.group("v"))));
        }
        if ((m = match("^(?:type|write|input|enter)\\s+" + value + "$", c)) != null && !KEY.matcher(m.group("v")).matches()) {
            return some(new Intent.Fill(Optional.empty(), unquote(m.group("v"))));
        }
        return Optional.empty();
    }

    private static Optional<Intent> scroll(String direction, String to) {
        if (to == null) {
            return some(new Intent.Scroll(Optional.empty(), !"up".equalsIgnoreCase(direction)));
        }
        String where = to.toLowerCase(Locale.ROOT).strip();
        if (where.matches("(?:very\\s+)?(?:bottom|end)(?: of)?(?: (?:the )?page)?")) {
            return some(new Intent.Scroll(Optional.of(Phrase.of("bottom")), true));
        }
        if (where.matches("(?:very\\s+)?(?:top|start|beginning)(?: of)?(?: (?:the )?page)?")) {
            return some(new Intent.Scroll(Optional.of(Phrase.of("top")), false));
        }
        return some(new Intent.Scroll(Optional.of(Phrase.of(to)), true));
    }

    private static Optional<Intent> readThing(String thing) {
        String t = thing.strip().toLowerCase(Locale.ROOT);
        boolean table = t.matches(".*\\btable\\b.*");
        if (t.matches("(?:the\\s+)?(?:whole\\s+|entire\\s+)?(?:page|page text|main text|text of the page|article|everything|content)")) {
            return some(new Intent.Read(Optional.empty(), false));
        }
        return some(new Intent.Read(Optional.of(Phrase.of(thing.replaceAll("(?i)\\s*\\btable\\b", " table").strip())), table));
    }

    private static List<Phrase> items(String items) {
        List<Phrase> phrases = new ArrayList<>();
        for (String item : items.split("(?i)\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s+as well as\\s+")) {
            String cleaned = item.replaceAll("(?i)\\s+(?:check ?box(?:es)?|box(?:es)?|options?)$", "").strip();
            if (!cleaned.isEmpty()) {
                phrases.add(Phrase.of(cleaned));
            }
        }
        return phrases;
    }

    /** Key names as the browser and desktop name them: {@code Enter}, {@code ctrl+s}, {@code PageDown}. */
    static String keys(String spoken) {
        String k = spoken.toLowerCase(Locale.ROOT).replaceAll("\\s*[+-]\\s*", "+").replace("control", "ctrl")
                .replace("command", "meta").replace("cmd", "meta");
        k = k.replaceAll("arrow ?(up|down|left|right)|(up|down|left|right) ?arrow", "$1$2");
        return switch (k) {
            case "return" -> "Enter";
            case "esc" -> "Escape";
            case "spacebar" -> "Space";
            case "del" -> "Delete";
            case "pgup", "page up" -> "PageUp";
            case "pgdn", "page down" -> "PageDown";
            default -> k.contains("+") || k.length() == 1 ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1).replace(" ", "");
        };
    }

    /** Whether the words name the page the person is on rather than something to open. */
    static boolean isCurrent(String words) {
        return CURRENT.contains(words.toLowerCase(Locale.ROOT).strip());
    }

    static boolean looksLikeAddress(String where) {
        return where.matches("(?i)(?:https?://)?(?:localhost|\\d{1,3}(?:\\.\\d{1,3}){3}|[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,})(?::\\d+)?(?:/\\S*)?");
    }

    private static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'")
                || t.startsWith("“") && t.endsWith("”"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
        return m.matches() ? m : null;
    }

    private static Optional<Intent> some(Intent intent) {
        return Optional.of(intent);
    }
}
