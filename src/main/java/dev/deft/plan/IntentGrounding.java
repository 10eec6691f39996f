package dev.deft.plan;

import static dev.deft.plan.Grounded.target;

import dev.deft.core.Action;
import dev.deft.core.Brief;
import dev.deft.core.Amount;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.Observation;
import dev.deft.core.Target;
import dev.deft.plan.ElementMatcher.Match;
import dev.deft.plan.ElementMatcher.Want;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Matches one intent to what the surface shows now, and says which actions would do it. */
final class IntentGrounding {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Words for the button that sends a form, whatever the form calls it. */
    private static final java.util.regex.Pattern SUBMITTING = java.util.regex.Pattern.compile("(?i)^(?:log ?in|login|"
            + "sign ?in|submit|go|ok|okay|continue|confirm|done|enter|proceed|apply|send form)$");

    private final SiteDirectory sites;
    private final Recall recall;
    private final FieldGrounding fields;
    private final ClauseReading clauses;
    private String request = "";

    IntentGrounding(SiteDirectory sites, Recall recall) {
        this.sites = sites;
        this.recall = recall;
        this.fields = new FieldGrounding(recall);
        this.clauses = new ClauseReading(fields, recall);
    }

    /** @param opened whether this intent already took a first step (opened its site, a list, a menu) */
    /** The request being read: a page that shows it back ("Find the email by Coletta and …") is not what it names. */
    void reading(String request) {
        this.request = words(request);
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A text that repeats a whole request of a sentence or more: the request shown back, never a control. */
    private boolean echoes(ObservedElement element) {
        return !element.interactive() && request.split(" ").length >= 6
                && words(element.name() + " " + element.text()).contains(request);
    }

    Grounded ground(Intent intent, Observation page, boolean opened) {
        List<ObservedElement> elements = page.elements().stream().filter(e -> !echoes(e)).toList();
        if (intent instanceof Intent.Open open) {
            return open(open.where(), elements);
        }
        if (intent instanceof Intent.Click click) {
            return pressing(elements, click.thing(), "Click " + click.thing());
        }
        if (intent instanceof Intent.Reveal reveal) {
            return reveal(elements, reveal.thing());
        }
        if (intent instanceof Intent.Fill fill) {
            return fields.fill(elements, fill, opened);
        }
        if (intent instanceof Intent.Choose choose) {
            return fields.choose(elements, choose, opened);
        }
        if (intent instanceof Intent.SetBoxes boxes) {
            return fields.boxes(elements, boxes);
        }
        if (intent instanceof Intent.Expand expand) {
            return fields.expand(elements, expand);
        }
        if (intent instanceof Intent.Unread unread) {
            return elements.isEmpty() ? Grounded.NotThere.never(ClauseReading.notUnderstood(unread.clause()))
                    : clauses.read(unread.clause(), elements, opened);
        }
        if (intent instanceof Intent.Cannot cannot) {
            return Grounded.NotThere.never("I cannot do \"" + cannot.clause() + "\": " + cannot.why() + ".");
        }
        if (intent instanceof Intent.Locate locate) {
            return locate(elements, locate.thing());
        }
        if (intent instanceof Intent.Pause pause) {
            return Grounded.Steps.last("Wait " + Brief.seconds(pause.time()) + ".",
                    new Action.WaitFor(new Condition.Elapsed(pause.time()), pause.time().plusSeconds(5)));
        }
        if (intent instanceof Intent.Search search) {
            if (search.site().isPresent() && !opened) {
                return openFirst(search.site().get());
            }
            return search(elements, search.query());
        }
        if (intent instanceof Intent.LogIn login) {
            if (login.site().isPresent() && !opened) {
                return openFirst(login.site().get());
            }
            return logIn(elements, login);
        }
        if (intent instanceof Intent.Press press) {
            if (press.in().isEmpty()) {
                return Grounded.Steps.last("Press " + press.keys() + ".", new Action.PressKey(press.keys()));
            }
            return Grounded.of(ElementMatcher.find(elements, press.in().get(), Want.FIELD), press.in().get(), e ->
                    Grounded.Steps.last("Press " + press.keys() + ".", new Action.PressKey(Optional.of(target(e)), press.keys())));
        }
        if (intent instanceof Intent.Scroll scroll) {
            return scroll(elements, scroll);
        }
        if (intent instanceof Intent.WaitFor wait) {
            return Grounded.Steps.last("Wait for \"" + wait.text() + "\".",
                    new Action.WaitFor(new Condition.TextShown(wait.text()), WAIT));
        }
        if (intent instanceof Intent.Read read) {
            return read(elements, read);
        }
        if (intent instanceof Intent.AddToCart add) {
            return addToCart(elements, add.item());
        }
        if (intent instanceof Intent.CheckOut) {
            return checkOut(elements);
        }
        Intent.Finish finish = (Intent.Finish) intent;
        return Grounded.Steps.last("Finish.", Action.Finish.done(finish.summary().orElse("Done.")));
    }

    private Grounded open(String where, List<ObservedElement> elements) {
        String name = where.toLowerCase(Locale.ROOT).replaceAll("^(the|my)\\s+", "")
                .replaceAll("\\s+(site|website|page|app)$", "").strip();
        if (CommandGrammar.looksLikeAddress(where.strip())) {
            String url = withScheme(where.strip());
            return Grounded.Steps.last("Open " + url + ".", new Action.OpenUrl(url));
        }
        Optional<String> known = sites.addressOf(name);
        if (known.isPresent()) {
            return Grounded.Steps.last("Open the " + name + " at " + known.get() + ".", new Action.OpenUrl(known.get()));
        }
        if (elements.isEmpty()) {
            return Grounded.NotThere.never("I do not know a site called \"" + where + "\"; give its address "
                    + "(for example: open example.org).");
        }
        return pressing(elements, Phrase.of(where), "Open " + where);
    }

    /** An address as a browser takes it: https, except on this machine and the local network, which rarely have it. */
    static String withScheme(String address) {
        if (address.contains("://")) {
            return address;
        }
        boolean local = address.matches("(?i)(?:localhost|127(?:\\.\\d{1,3}){3}|10(?:\\.\\d{1,3}){3}|192\\.168(?:\\.\\d{1,3}){2}"
                + "|172\\.(?:1[6-9]|2\\d|3[01])(?:\\.\\d{1,3}){2})(?:[:/].*)?");
        return (local ? "http://" : "https://") + address;
    }

    private Grounded openFirst(String site) {
        String name = site.toLowerCase(Locale.ROOT);
        Optional<String> address = sites.addressOf(name)
                .or(() -> CommandGrammar.looksLikeAddress(site) ? Optional.of(withScheme(site))
                        : Optional.empty());
        return address.<Grounded>map(url -> Grounded.Steps.first("Open the " + site + " first.", new Action.OpenUrl(url)))
                .orElseGet(() -> Grounded.NotThere.never("I do not know a site called \"" + site + "\"."));
    }

    private Grounded pressing(List<ObservedElement> elements, Phrase thing, String thought) {
        // "click the name field": a field named as a field is clicked to put the cursor in it; a "box" is a text
        // box or a check box ("click the search box", "click the terms box")
        Kind kind = thing.kind().orElse(null);
        Want want = kind == Kind.FIELD || kind == Kind.SPINNER ? Want.FIELD : kind == Kind.BOX ? Want.CONTROL : Want.PRESSABLE;
        Optional<ObservedElement> before = recall.named(elements);
        Match match = ElementMatcher.find(elements, thing, want, before);
        if (match instanceof Match.Missing) {
            // a text that says the name may be what takes the click, but never a menu or list as a whole
            Match anywhere = ElementMatcher.find(elements, thing, Want.NOT_A_WHOLE, before);
            if (anywhere instanceof Match.Found found && found.score() >= 0.9) {
                match = anywhere;
            }
        }
        if (match instanceof Match.Missing && SUBMITTING.matcher(thing.words()).matches()) {
            // "press login" where the form's one button says "OK": the button that sends the form just filled
            Optional<ObservedElement> sender = FormButton.of(elements, before);
            if (sender.isPresent()) {
                match = new Match.Found(sender.get(), 0.8);
            }
        }
        return Grounded.of(match, thing, e -> {
            recall.named(e);
            return Grounded.Steps.last(thought + ".", new Action.Click(target(e)));
        });
    }

    /** A step along a menu path: an item of a menu is pointed at (a click would choose it), anything else clicked. */
    private Grounded reveal(List<ObservedElement> elements, Phrase thing) {
        Match match = ElementMatcher.find(elements, thing, Want.PRESSABLE, recall.named(elements));
        return Grounded.of(match, thing, e -> {
            recall.named(e);
            boolean item = Set.of("menuitem", "listitem", "treeitem", "text", "option").contains(e.role());
            return item ? Grounded.Steps.last("Point at " + ElementMatcher.describe(e) + " to open what is under it.",
                    new Action.Hover(target(e)))
                    : Grounded.Steps.last("Open " + ElementMatcher.describe(e) + ".", new Action.Click(target(e)));
        });
    }

    /** Whether the element's name or text holds each of the words, as words. */
    private static boolean says(ObservedElement element, String words) {
        List<String> own = List.of(words(element.name() + " " + element.text()).split(" "));
        List<String> wanted = List.of(words(words).split(" "));
        return !words(words).isEmpty() && own.containsAll(wanted);
    }

    /** "find Sayre in the contact book": the thing brought into view and named for what follows; else searched for. */
    private Grounded locate(List<ObservedElement> elements, Phrase thing) {
        Optional<ObservedElement> before = recall.named(elements);
        // "find trains" where a button says "Find trains": the request names the button
        Match button = ElementMatcher.find(elements, Phrase.of("find " + thing.spoken()), Want.PRESSABLE, before);
        if (button instanceof Match.Found found && found.score() >= 0.95) {
            recall.named(found.element());
            return Grounded.Steps.last("Click " + ElementMatcher.describe(found.element()) + ".", new Action.Click(target(found.element())));
        }
        // a page with a box to find things in ("Find an order") finds them there, as a person uses it
        Optional<ObservedElement> finder = elements.stream().filter(Want.FIELD.fits)
                .filter(e -> e.role().equals("searchbox") || e.name().toLowerCase(Locale.ROOT).matches("(find|search)\\b.*")).findFirst();
        if (finder.isPresent() && !thing.quoted()) {
            return search(elements, thing.spoken());
        }
        Match match = ElementMatcher.find(elements, thing, Want.READABLE, before);
        if (!(match instanceof Match.Found)) {
            // "the email by Coletta": the thing that says "Coletta", where no one thing is called all of it
            for (Phrase.Scoped reading : thing.scopes()) {
                Match anchor = ElementMatcher.find(elements, reading.scope(), Want.READABLE, before);
                if (!(anchor instanceof Match.Found)) {
                    // "Coletta" in a row that reads "Coletta Justo. Facilisi…": the one thing with all its words
                    List<ObservedElement> saying = elements.stream().filter(e -> says(e, reading.scope().words())).toList();
                    anchor = saying.size() == 1 ? new Match.Found(saying.get(0), 0.8) : anchor;
                }
                if (anchor instanceof Match.Found) {
                    match = anchor;
                    break;
                }
            }
        }
        if (match instanceof Match.Found found) {
            recall.named(found.element());
            return Grounded.Steps.last("Find " + ElementMatcher.describe(found.element()) + ".",
                    new Action.Scroll(Optional.of(target(found.element())), Action.Scroll.Direction.DOWN, 0));
        }
        if (!thing.quoted() && elements.stream().anyMatch(e -> e.role().equals("searchbox")) && match instanceof Match.Missing) {
            return search(elements, thing.spoken());
        }
        return Grounded.of(match, thing, e -> null);
    }

    private Grounded search(List<ObservedElement> elements, String query) {
        List<ObservedElement> fields = elements.stream().filter(Want.FIELD.fits).toList();
        Optional<ObservedElement> box = fields.stream().filter(e -> e.role().equals("searchbox")
                        || e.name().toLowerCase(Locale.ROOT).matches("(find|search)\\b.*")).findFirst()
                .or(() -> fields.stream().filter(e -> ElementMatcher.score(e, Phrase.of("search")) >= 0.8)
                        .max(Comparator.comparingDouble(e -> ElementMatcher.score(e, Phrase.of("search")))))
                .or(() -> fields.size() == 1 ? Optional.of(fields.get(0)) : Optional.empty());
        if (box.isPresent()) {
            Target field = target(box.get());
            return Grounded.Steps.last("Search for \"" + query + "\" in " + ElementMatcher.describe(box.get()) + ".",
                    new Action.Type(field, query), new Action.PressKey(Optional.of(field), "Enter"));
        }
        Match opener = ElementMatcher.find(elements, Phrase.of("search"), Want.PRESSABLE);
        // a Search button beside fields sends a form of them; only on a page with no field does it open a search
        if (opener instanceof Match.Found found && fields.isEmpty()) {
            return Grounded.Steps.first("Open the search first.", new Action.Click(target(found.element())));
        }
        return Grounded.NotThere.yet("There is no search box on this page.");
    }

    private Grounded logIn(List<ObservedElement> elements, Intent.LogIn login) {
        List<ObservedElement> fields = elements.stream().filter(Want.FIELD.fits).toList();
        Optional<ObservedElement> password = fields.stream()
                .filter(e -> ElementMatcher.score(e, Phrase.of("password")) >= 0.8).findFirst();
        Optional<ObservedElement> user = fields.stream().filter(e -> !password.map(p -> p.number() == e.number()).orElse(false))
                .filter(e -> List.of("email", "user", "username", "user name", "login", "account", "email address")
                        .stream().anyMatch(word -> ElementMatcher.score(e, Phrase.of(word)) >= 0.8))
                .findFirst();
        if (user.isEmpty()) {
            Match link = ElementMatcher.find(elements, Phrase.of("log in"), Want.PRESSABLE);
            if (link instanceof Match.Found found) {
                return Grounded.Steps.first("Open the log-in form first.", new Action.Click(target(found.element())));
            }
            return new Grounded.NotThere("There is no log-in form on this page.", Optional.of("Password"), true);
        }
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.Type(target(user.get()), login.user()));
        if (login.password().isPresent()) {
            if (password.isEmpty()) {
                return Grounded.NotThere.yet("There is no password field on this page.");
            }
            actions.add(new Action.Type(target(password.get()), login.password().get()));
        }
        Optional<ObservedElement> submit = List.of("log in", "sign in", "submit", "continue", "next").stream()
                .map(word -> ElementMatcher.find(elements, Phrase.of(word), Want.PRESSABLE))
                .filter(m -> m instanceof Match.Found).map(m -> ((Match.Found) m).element()).findFirst();
        ObservedElement last = password.orElse(user.get());
        actions.add(submit.<Action>map(button -> new Action.Click(target(button)))
                .orElse(new Action.PressKey(Optional.of(target(last)), "Enter")));
        return new Grounded.Steps(actions, true, "Log in as " + login.user() + ".");
    }

    private Grounded scroll(List<ObservedElement> elements, Intent.Scroll scroll) {
        if (scroll.to().isEmpty()) {
            return Grounded.Steps.last("Scroll.", new Action.Scroll(Optional.empty(),
                    scroll.down() ? Action.Scroll.Direction.DOWN : Action.Scroll.Direction.UP, 0));
        }
        String words = scroll.to().get().words().toLowerCase(Locale.ROOT);
        if (words.equals("bottom") || words.equals("top")) {
            return Grounded.Steps.last("Scroll to the " + words + ".", new Action.Scroll(Optional.empty(),
                    words.equals("bottom") ? Action.Scroll.Direction.DOWN : Action.Scroll.Direction.UP, 1_000_000));
        }
        return Grounded.of(ElementMatcher.find(elements, scroll.to().get(), Want.READABLE), scroll.to().get(), e ->
                Grounded.Steps.last("Scroll to " + ElementMatcher.describe(e) + ".",
                        new Action.Scroll(Optional.of(target(e)), Action.Scroll.Direction.DOWN, 0)));
    }

    private Grounded read(List<ObservedElement> elements, Intent.Read read) {
        if (read.thing().isEmpty()) {
            return Grounded.Steps.last("Read the page.", new Action.Extract(Optional.empty(), Action.Extract.What.MAIN_TEXT));
        }
        if (read.table()) {
            Optional<ObservedElement> table = elements.stream().filter(e -> e.role().equals("table")).findFirst();
            return Grounded.Steps.last("Read the table.", new Action.Extract(table.map(Grounded::target),
                    Action.Extract.What.TABLE));
        }
        Phrase thing = read.thing().get();
        Match match = ElementMatcher.find(elements, thing, Want.READABLE);
        if (!(match instanceof Match.Found) && isMoney(thing.words())) {
            Optional<ObservedElement> amount = amountFor(elements, thing.words());
            if (amount.isPresent()) {
                return Grounded.Steps.last("Read " + ElementMatcher.describe(amount.get()) + ".",
                        new Action.Extract(Optional.of(target(amount.get())), Action.Extract.What.TEXT));
            }
        }
        return Grounded.of(match, thing, e -> {
            recall.named(e);
            return Grounded.Steps.last("Read " + ElementMatcher.describe(e) + ".",
                    new Action.Extract(Optional.of(target(e)), Action.Extract.What.TEXT));
        });
    }

    private Grounded addToCart(List<ObservedElement> elements, Phrase item) {
        List<ObservedElement> buttons = elements.stream().filter(Want.PRESSABLE.fits)
                .filter(e -> ElementMatcher.score(e, Phrase.of("add to cart")) >= 0.8).toList();
        String words = item.words().toLowerCase(Locale.ROOT);
        if (buttons.size() == 1 && (CommandGrammar.isCurrent(words) || words.isEmpty())) {
            return Grounded.Steps.last("Add it to the cart.", new Action.Click(target(buttons.get(0))));
        }
        Optional<Boolean> cheapest = words.matches(".*\\b(cheapest|lowest|least expensive)\\b.*") ? Optional.of(true)
                : words.matches(".*\\b(most expensive|priciest|dearest)\\b.*") ? Optional.of(false) : Optional.empty();
        if (cheapest.isPresent()) {
            Optional<ObservedElement> pick = byPrice(elements, buttons, cheapest.get());
            if (pick.isPresent()) {
                return Grounded.Steps.last("Add " + pick.get().context() + " (by price) to the cart.",
                        new Action.Click(target(pick.get())));
            }
            List<ObservedElement> links = elements.stream().filter(e -> e.role().equals("link")).toList();
            Optional<ObservedElement> product = byPrice(elements, links, cheapest.get());
            if (product.isPresent()) {
                return Grounded.Steps.first("Open " + ElementMatcher.describe(product.get()) + ", the "
                        + (cheapest.get() ? "cheapest" : "dearest") + ".", new Action.Click(target(product.get())));
            }
            return Grounded.NotThere.yet("I cannot see any prices here to choose by.");
        }
        if (item.ordinal() != 0 && !buttons.isEmpty()) {
            int index = item.ordinal() > 0 ? item.ordinal() - 1 : buttons.size() - 1;
            if (index < buttons.size()) {
                return Grounded.Steps.last("Add the " + item.spoken() + " to the cart.", new Action.Click(target(buttons.get(index))));
            }
        }
        double top = buttons.stream().mapToDouble(b -> NameLikeness.similarity(item.words(), b.context())).max().orElse(0);
        List<ObservedElement> named = top < 0.7 ? List.of() : buttons.stream()
                .filter(b -> top - NameLikeness.similarity(item.words(), b.context()) < 0.05).toList();
        if (named.size() > 1 && !item.plural()) {
            // two blue kettles: never a guess between equals
            return Grounded.NotThere.never("Say which " + item.spoken() + " to add: " + named.get(0).context() + " and "
                    + named.get(1).context() + " both fit.");
        }
        if (!named.isEmpty()) {
            return new Grounded.Steps(named.stream().<Action>map(b -> new Action.Click(target(b))).toList(), true,
                    "Add " + String.join(", ", named.stream().map(ObservedElement::context).toList()) + " to the cart.");
        }
        Match link = ElementMatcher.find(elements, item, Want.PRESSABLE);
        if (link instanceof Match.Found found && !buttons.contains(found.element())) {
            return Grounded.Steps.first("Open " + ElementMatcher.describe(found.element()) + " first.",
                    new Action.Click(target(found.element())));
        }
        if (buttons.size() == 1) {
            return Grounded.Steps.last("Add it to the cart.", new Action.Click(target(buttons.get(0))));
        }
        return new Grounded.NotThere("I cannot tell which " + item + " to add to the cart.", Optional.of("Add to cart"), true);
    }

    private Grounded checkOut(List<ObservedElement> elements) {
        for (String words : List.of("check out", "proceed to checkout", "checkout")) {
            Match match = ElementMatcher.find(elements, Phrase.of(words), Want.PRESSABLE);
            if (match instanceof Match.Found found) {
                return Grounded.Steps.last("Check out.", new Action.Click(target(found.element())));
            }
        }
        Match cart = ElementMatcher.find(elements, Phrase.of("cart"), Want.PRESSABLE);
        if (cart instanceof Match.Found found) {
            return Grounded.Steps.first("Open the cart first.", new Action.Click(target(found.element())));
        }
        return Grounded.NotThere.yet("There is no checkout or cart on this page.");
    }

    /** Among the controls, the one whose card shows the lowest (or highest) price. */
    private static Optional<ObservedElement> byPrice(List<ObservedElement> elements, List<ObservedElement> controls,
                                                     boolean lowest) {
        Comparator<Priced> order = Comparator.comparing(Priced::price);
        List<Priced> priced = new ArrayList<>();
        for (ObservedElement control : controls) {
            priceOf(control, elements).ifPresent(price -> priced.add(new Priced(control, price)));
        }
        if (priced.isEmpty()) {
            return Optional.empty();
        }
        priced.sort(lowest ? order : order.reversed());
        if (priced.size() > 1 && priced.get(0).price().compareTo(priced.get(1).price()) == 0
                && !priced.get(0).control().context().equals(priced.get(1).control().context())) {
            return Optional.empty();
        }
        return Optional.of(priced.get(0).control());
    }

    private static Optional<BigDecimal> priceOf(ObservedElement control, List<ObservedElement> elements) {
        Optional<BigDecimal> own = amount(control.name() + " " + control.text());
        if (own.isPresent() || control.context().isBlank()) {
            return own;
        }
        return elements.stream().filter(e -> e.context().equals(control.context()))
                .map(e -> amount(e.text().isBlank() ? e.name() : e.text())).flatMap(Optional::stream).findFirst();
    }

    private static Optional<BigDecimal> amount(String text) {
        return Amount.in(text).map(Amount::value);
    }

    private static boolean isMoney(String words) {
        return words.toLowerCase(Locale.ROOT).matches(".*\\b(price|cost|total|subtotal|amount|sum|balance)\\b.*");
    }

    private static Optional<ObservedElement> amountFor(List<ObservedElement> elements, String words) {
        List<ObservedElement> amounts = elements.stream().filter(e -> amount(e.text().isBlank() ? e.name() : e.text()).isPresent())
                .toList();
        String word = NameLikeness.normal(words);
        return amounts.stream().filter(e -> NameLikeness.normal(e.text() + " " + e.label() + " " + e.name()).contains(word))
                .findFirst().or(() -> amounts.size() == 1 ? Optional.of(amounts.get(0)) : Optional.empty());
    }





    private record Priced(ObservedElement control, BigDecimal price) {
    }
}
