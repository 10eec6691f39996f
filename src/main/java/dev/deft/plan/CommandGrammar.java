package dev.deft.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    /** Words of courtesy around a request: "please", "can you", "I'd like to", "for me", "thanks". */
    private static final Pattern POLITE = Pattern.compile("(?i)(?:^|(?<=[\\n;.!?]\\s{0,3}))\\s*(?:(?:please|kindly|now|just|"
            + "also|ok(?:ay)?|hey|hi|so)[,]?\\s+|(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?|i\\s+(?:want|would like|'d like|"
            + "need)\\s+(?:you\\s+)?to\\s+|let'?s\\s+|go ahead and\\s+)+|,?\\s+(?:please|for me|thanks|thank you)[.!?]*\\s*(?=$|\\n)");
    /** "find and click X" is "click X". */
    private static final Pattern FIND_AND = Pattern.compile("(?i)\\b(?:find|locate|look for)\\s+and\\s+(?=(?:click|select|choose|"
            + "press|tap|open|tick|check)\\b)");
    /** ", to find and click on X", " in order to select X": the purpose is itself a step. */
    private static final Pattern PURPOSE = Pattern.compile("(?i),?\\s+(?:in order\\s+)?to\\s+(?:find\\s+and\\s+)?"
            + "(?=(?:click|select|choose|press|tap|tick|check)\\b)");
    /** "click the trash icon to delete it": a reason given after a step, not a step of its own. */
    private static final Pattern MERE_PURPOSE = Pattern.compile("(?i)(\\b(?:click|press|tap|hit|push|select|tick|check|"
            + "use)\\b[^\\n;]*?)\\s+(?:in order\\s+)?(?:so as\\s+)?to\\s+(?:delete|remove|mark|star|flag|open|see|show|"
            + "reveal|make|archive|confirm|finish|complete|save|expand|sort|view)\\s+(?:it|them|this|that|the\\s+\\w+)\\b[^,;\\n]*");
    /** Things to choose named by what they mean ("words similar to brave"): only a model can read that. */
    private static final Pattern DESCRIBED_CHOICE = Pattern.compile("(?i)^(?:all\\s+|any\\s+|the\\s+|every\\s+)?(?:words?|"
            + "items?|ones?|options?|things?|boxes|checkboxes|entries|names?|terms?|everything|anything)\\s+(?:that\\s+(?:are|mean|"
            + "sound)\\s+|which\\s+(?:are|mean)\\s+)?(?:similar|related|close|synonyms?|synonymous|like|meaning|opposite|"
            + "antonyms?|rhym\\w*)\\b.*");
    /** Where a clause may end within a sentence: a comma and a space ("12,500" is one number), or "and". */
    private static final Pattern JOINT = Pattern.compile("(?i)\\s*,\\s+(?:and\\s+)?|\\s*,\\s*and\\s+|\\s+and\\s+");
    /** Clauses that ask for nothing of their own. */
    private static final Pattern NOTHING = Pattern.compile("(?i)^(?:(?:select|choose|check|tick|pick)\\s+(?:nothing|none)"
            + "|(?:switch|toggle|go|look|flip|click|browse)\\s+(?:between|through|across)\\s+(?:the\\s+|all\\s+)*(?:tabs|"
            + "sections|pages|panels)|(?:expand|open)\\s+(?:the\\s+)?(?:sections|panels)\\s+below)$");
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
            if (NOTHING.matcher(clause).matches()) {
                continue; // "select nothing", "switch between the tabs": nothing to do of its own
            }
            // A clause that does not begin with a verb may still have one later: "into the subject field type Hello".
            boolean read = intents.stream().anyMatch(i -> i instanceof Intent.Read);
            List<Intent> said = Verbs.correct(clause).map(c -> intentsOf(c, read)).filter(l -> !l.isEmpty())
                    .orElseGet(() -> intentsOf(clause, read));
            if (said.isEmpty()) {
                said = List.of(new Intent.Unread(clause));
            }
            for (Intent intent : said) {
                intents.add(referred(intent, intents));
            }
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
        if (last instanceof Intent.Locate locate) {
            return new Intent.Click(locate.thing());
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
        String polite = POLITE.matcher(FIND_AND.matcher(guarded.toString()).replaceAll("")).replaceAll("\n");
        String purposes = PURPOSE.matcher(polite).replaceAll("\n");
        purposes = MERE_PURPOSE.matcher(purposes).replaceAll("$1");
        for (String part : purposes.split("(?i)\\s*(?:\\n|;|,?\\s*\\band then\\b|,?\\s*\\bthen\\b|,?\\s*\\bafter that\\b)\\s*")) {
            List<String> pieces = new ArrayList<>();
            Matcher joint = JOINT.matcher(part);
            int from = 0;
            String said = "";
            while (from <= part.length()) {
                boolean more = joint.find(from);
                String piece = part.substring(from, more ? joint.start() : part.length());
                String separator = said;
                said = more ? joint.group() : "";
                from = more ? joint.end() : part.length() + 1;
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
                    String joiner = placeFirst || separator.contains(",") ? ", " : " and ";
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

    /** The intents of one clause, most often one; none when no rule reads it. */
    private List<Intent> intentsOf(String clause, boolean somethingWasRead) {
        String c = clause.strip();
        Matcher m;
        if ((m = match("^(?:select|choose|click|open|go to|navigate to|pick)\\s+(?:on\\s+)?(?<path>[^>]+?(?:\\s*(?:>|->|→|»)\\s*[^>]+?)+)$", c)) != null) {
            // "select File > Export > PDF": a menu path, each step opening the next
            List<String> steps = Stream.of(m.group("path").split("\\s*(?:->|>|→|»)\\s*")).filter(step -> !step.isBlank()).toList();
            List<Intent> path = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Phrase step = Phrase.of(Values.unquote(steps.get(i)));
                path.add(i < steps.size() - 1 ? new Intent.Reveal(step) : new Intent.Click(step));
            }
            return path;
        }
        if ((m = match("^(?:find|get|read|what is|what's|tell me|copy|grab|take|note)\\s+(?:down\\s+)?(?:the\\s+)?(?<ord>\\w+)\\s+word\\s+"
                + "(?:in|of|from|on)\\s+(?<thing>.+?)\\??$", c)) != null && wordNumber(m.group("ord")) != 0) {
            return List.of(new Intent.Read(Optional.of(Phrase.of(m.group("thing"))), false, wordNumber(m.group("ord"))));
        }
        return intentOf(c, somethingWasRead);
    }

    private static int wordNumber(String ordinal) {
        Phrase position = Phrase.of(ordinal + " word");
        return position.ordinal();
    }

    private List<Intent> intentOf(String c, boolean somethingWasRead) {
        Matcher m;
        if ((m = match("^wait\\s+(?:for\\s+)?(?<n>\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)\\s*"
                + "(?<unit>seconds?|secs?|s|milliseconds?|ms|minutes?|mins?)$", c)) != null) {
            return some(new Intent.Pause(duration(m.group("n"), m.group("unit"))));
        }
        if ((m = match("^(?:expand|unfold|uncollapse|open up|reveal)\\s+(?<what>.+?)$", c)) != null) {
            String what = m.group("what").replaceAll("(?i)\\s+(?:below|above|here|underneath|beneath)$", "");
            Phrase section = Phrase.of(what);
            boolean general = what.matches("(?i)^(?:the\\s+|all\\s+(?:the\\s+)?|every\\s+)?(?:collapsed\\s+|hidden\\s+)?(?:section|panel|part|"
                    + "area|details|accordion|collapsible|group|one)s?$");
            return some(new Intent.Expand(general ? Optional.empty() : Optional.of(section), section.plural()
                    || what.matches("(?i).*\\b(?:sections|panels|all|every)\\b.*")));
        }
        if ((m = match("^(?:finish|done|stop|end)(?:\\s+(?:with|saying)\\s+(?<s>.+))?$", c)) != null) {
            return some(new Intent.Finish(Optional.ofNullable(m.group("s")).map(Values::unquote)));
        }
        if (match("^(?:check ?out|checkout|proceed to (?:the )?check ?out|go to (?:the )?check ?out)(?: now)?$", c) != null) {
            return some(new Intent.CheckOut());
        }
        if ((m = match("^(?:log ?in|log on|sign ?in|signin)\\b(?<rest>.*)$", c)) != null) {
            return logIn(m.group("rest"));
        }
        if ((m = match("^(?:search|look)\\s+(?:on\\s+|in\\s+)?(?:the\\s+)?(?<site>[\\w.:/-]+)(?:\\s+(?:site|website))?\\s+for\\s+(?<q>.+)$", c)) != null
                && (siteNames.contains(m.group("site").toLowerCase(Locale.ROOT)) || looksLikeAddress(m.group("site")))) {
            return some(new Intent.Search(Values.unquote(m.group("q")), Optional.of(m.group("site"))));
        }
        if ((m = match("^search\\s+(?:on\\s+|in\\s+|through\\s+)?(?:the\\s+|my\\s+)(?:[\\p{L}-]+\\s+){1,2}?for\\s+(?<q>.+)$", c)) != null) {
            // "search the help for meter readings": the place is the page's own search
            return search(m.group("q"));
        }
        if ((m = match("^(?:search|look up|lookup)\\s+(?:for\\s+)?(?<q>.+)$", c)) != null) {
            return search(m.group("q"));
        }
        if ((m = match("^(?:find|locate|look for|spot)\\s+(?<thing>.+?)(?:\\s+(?:in|on|within|inside|among)\\s+(?:the\\s+|my\\s+)?"
                + "(?:[\\w-]+\\s+){0,2}(?:book|list|table|inbox|page|feed|directory|results|contacts|folder|grid|menu|catalog(?:ue)?))?$", c)) != null) {
            String thing = m.group("thing");
            Matcher on = Pattern.compile("(?i)^(?<q>.+?)\\s+(?:on|in|at)\\s+(?:the\\s+)?(?<site>[\\w.:/-]+)(?:\\s+(?:site|website|page))?$").matcher(thing);
            if (on.matches() && (siteNames.contains(on.group("site").toLowerCase(Locale.ROOT)) || looksLikeAddress(on.group("site")))) {
                return some(new Intent.Search(Values.unquote(on.group("q")), Optional.of(on.group("site"))));
            }
            return some(new Intent.Locate(Phrase.of(thing)));
        }
        if ((m = match("^(?:add|put)\\s+(?<item>.+?)\\s+(?:to|in|into)\\s+(?:the\\s+|my\\s+)?(?:shopping\\s+)?(?:cart|basket|bag|trolley)$", c)) != null) {
            return some(new Intent.AddToCart(Phrase.of(m.group("item"))));
        }
        if ((m = match("^(?:open|go to|goto|visit|navigate to|browse to|load|head to|take me to|bring up)\\s+(?<where>.+)$", c)) != null) {
            return some(new Intent.Open(m.group("where").strip()));
        }
        if ((m = match("^(?:choose|select|pick|tick|check|mark)\\s+(?<what>.+)$", c)) != null && DESCRIBED_CHOICE.matcher(m.group("what")).matches()) {
            return some(new Intent.Cannot(c, "choosing by meaning (\"" + m.group("what") + "\") needs a language model "
                    + "(docs/MODELS.md); name the items to choose instead"));
        }
        List<Intent> fills = fills(c, somethingWasRead);
        if (!fills.isEmpty()) {
            return fills;
        }
        if ((m = match("^(?:choose|select|pick|set)\\s+(?<o>.+?)\\s+(?:from|in|on|under|for|as|with|using|via)\\s+(?<l>.+)$", c)) != null) {
            return some(new Intent.Choose(Values.unquote(m.group("o")), Optional.of(Phrase.of(m.group("l")))));
        }
        if ((m = match("^(?:uncheck|untick|unmark|deselect|disable|turn off|switch off|clear)\\s+(?<items>.+)$", c)) != null) {
            return some(new Intent.SetBoxes(items(m.group("items")), false));
        }
        if ((m = match("^(?:check|tick|mark|enable|turn on|switch on)\\s+(?!if\\b|whether\\b|that\\b)(?<items>.+)$", c)) != null) {
            return some(new Intent.SetBoxes(items(m.group("items")), true));
        }
        if ((m = match("^(?:choose|select|pick)\\s+(?<o>.+)$", c)) != null) {
            return some(new Intent.Choose(Values.unquote(m.group("o")), Optional.empty()));
        }
        if ((m = match("^(?:press|hit|tap|push|strike)\\s+(?:the\\s+)?(?<k>.+?)(?:\\s+key)?(?:\\s+(?:in|on)\\s+(?<f>.+))?$", c)) != null
                && KEY.matcher(Values.unquote(m.group("k"))).matches()) {
            return some(new Intent.Press(keys(Values.unquote(m.group("k"))), Optional.ofNullable(m.group("f")).map(Phrase::of)));
        }
        if ((m = match("^scroll(?:\\s+(?<dir>down|up))?(?:\\s+(?:to|until)\\s+(?:the\\s+)?(?<to>.+?))?(?:\\s+(?:a bit|a little|more|the page|page))?$", c)) != null) {
            return scroll(m.group("dir"), m.group("to"));
        }
        if ((m = match("^wait\\s+(?:for|until|till)\\s+(?<t>.+?)(?:\\s+(?:to\\s+)?(?:appears?|shows?(?: up)?|is shown|to show(?: up)?|loads?|to load|is there))?$", c)) != null) {
            return some(new Intent.WaitFor(Values.unquote(m.group("t"))));
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
        return List.of();
    }

    private static Duration duration(String amount, String unit) {
        double n = switch (amount.toLowerCase(Locale.ROOT)) {
            case "a", "an", "one" -> 1;
            case "two", "a couple of" -> 2;
            case "three", "a few" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            default -> Double.parseDouble(amount);
        };
        String u = unit.toLowerCase(Locale.ROOT);
        long millis = u.startsWith("ms") || u.startsWith("milli") ? Math.round(n) : u.startsWith("m") ? Math.round(n * 60_000)
                : Math.round(n * 1000);
        return Duration.ofMillis(millis);
    }

    private List<Intent> logIn(String rest) {
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
            password = Optional.of(Values.unquote(given.group("pw")));
            r = r.substring(0, given.start()) + " " + r.substring(given.end());
        }
        Matcher user = Pattern.compile("(?i)^\\s*(?:as|with|using)?\\s*(?:the\\s+)?(?:user(?:name)?|email|account|login)?\\s*(?<user>\"[^\"]+\"|'[^']+'|\\S+)\\s*$").matcher(r);
        if (!user.find()) {
            return List.of();
        }
        return some(new Intent.LogIn(Values.unquote(user.group("user")), password, site));
    }

    private List<Intent> search(String query) {
        String q = query.strip();
        Matcher on = Pattern.compile("(?i)^(?<q>.+?)\\s+(?:on|in|at)\\s+(?:the\\s+)?(?<site>[\\w.:/-]+)(?:\\s+(?:site|website|page))?$").matcher(q);
        if (on.matches() && (siteNames.contains(on.group("site").toLowerCase(Locale.ROOT)) || looksLikeAddress(on.group("site")))) {
            return some(new Intent.Search(Values.unquote(on.group("q")), Optional.of(on.group("site"))));
        }
        return some(new Intent.Search(Values.unquote(q), Optional.empty()));
    }

    /** "type X into F", "fill F with X and G with Y", "enter the username "a" and the password "b"". */
    private static List<Intent> fills(String c, boolean somethingWasRead) {
        Matcher m;
        String value = "(?<v>\"[^\"]*\"|“[^”]*”|'[^']*'|.+)";
        if ((m = match("^(?:in|into|inside)\\s+(?<f>.+?),?\\s+(?:type|enter|write|input|put|insert|key in)\\s+" + value + "$", c)) != null) {
            return fill(m.group("f"), m.group("v"), somethingWasRead);
        }
        if ((m = match("^(?:type|enter|write|input|put|insert|key in|paste)\\s+" + value + "\\s+(?:into|in to|inside)\\s+(?<f>.+)$", c)) != null
                || (m = match("^(?:type|enter|write|input|put|insert|key in|paste)\\s+" + value + "\\s+(?:in|on|at)\\s+(?<f>.+)$", c)) != null) {
            return fill(m.group("f"), m.group("v"), somethingWasRead);
        }
        if ((m = match("^(?:fill(?: in| out)?|complete|populate)\\s+(?<f>.+?)\\s+(?:with|as|using)\\s+" + value + "$", c)) != null) {
            return several(m.group("f"), m.group("v"), "with|as|using", somethingWasRead);
        }
        if ((m = match("^(?:set|change|update|make)\\s+(?<f>.+?)\\s+(?:to|=)\\s+" + value + "$", c)) != null) {
            return several(m.group("f"), m.group("v"), "to|=", somethingWasRead);
        }
        if ((m = match("^(?:enter|type|use|put|give|write)\\s+" + value + "\\s+(?:as|for)\\s+(?<f>.+)$", c)) != null) {
            return fill(m.group("f"), m.group("v"), somethingWasRead);
        }
        if ((m = match("^(?:type|write|input|enter|fill in|provide|put down|put|key in|jot down|paste)\\s+" + value + "$", c)) != null
                && !KEY.matcher(m.group("v")).matches()) {
            Optional<List<Values.Pair>> pairs = Values.pairs(m.group("v"));
            if (pairs.isPresent()) {
                return pairs.get().stream().<Intent>map(p -> Intent.Fill.text(Optional.of(Phrase.of(p.field())), p.value())).toList();
            }
            return List.of(new Intent.Fill(Optional.empty(), Values.of(m.group("v"), somethingWasRead)));
        }
        return List.of();
    }

    /** One field and its value, or, where the value is itself fields and values, each of them. */
    private static List<Intent> fill(String field, String value, boolean somethingWasRead) {
        Intent.Value said = Values.of(value, somethingWasRead);
        Optional<List<Values.Pair>> pairs = said instanceof Intent.Value.Described ? Optional.empty() : Values.pairs(value);
        if (pairs.isPresent() && pairs.get().size() > 1) {
            // "enter the username "vina" and the password "US" into the text fields"
            return pairs.get().stream().<Intent>map(p -> Intent.Fill.text(Optional.of(Phrase.of(p.field())), p.value())).toList();
        }
        return List.of(new Intent.Fill(Optional.of(Phrase.of(field)), said));
    }

    /** "fill Surname with Ito and Work e-mail with ito@example.org": the pattern repeated. */
    private static List<Intent> several(String field, String value, String connector, boolean somethingWasRead) {
        List<Intent> fills = new ArrayList<>();
        Pattern next = Pattern.compile("(?i)(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?:the\\s+)?(?<f>[^,\"“]{1,40}?)\\s+(?:" + connector + ")\\s+");
        String f = field;
        String rest = value;
        Matcher more = next.matcher(rest);
        while (!Values.isQuotedWhole(rest) && more.find()) {
            fills.add(new Intent.Fill(Optional.of(Phrase.of(f)), Values.of(rest.substring(0, more.start()), somethingWasRead)));
            f = more.group("f");
            rest = rest.substring(more.end());
            more = next.matcher(rest);
        }
        fills.add(new Intent.Fill(Optional.of(Phrase.of(f)), Values.of(rest, somethingWasRead)));
        return fills;
    }

    private static List<Intent> scroll(String direction, String to) {
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

    private static List<Intent> readThing(String thing) {
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


    private static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
        return m.matches() ? m : null;
    }

    private static List<Intent> some(Intent intent) {
        return List.of(intent);
    }
}
