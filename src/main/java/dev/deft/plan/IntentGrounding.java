package dev.deft.plan;

import dev.deft.core.Action;
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

/** Matches one intent to what the surface shows now, and says which actions would do it. */
final class IntentGrounding {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SiteDirectory sites;

    IntentGrounding(SiteDirectory sites) {
        this.sites = sites;
    }

    /** @param opened whether this intent already opened its site (a search or log-in "on the shop") */
    Grounded ground(Intent intent, Observation page, boolean opened) {
        List<ObservedElement> elements = page.elements();
        if (intent instanceof Intent.Open open) {
            return open(open.where(), elements);
        }
        if (intent instanceof Intent.Click click) {
            return pressing(elements, click.thing(), "Click " + click.thing());
        }
        if (intent instanceof Intent.Fill fill) {
            return fill(elements, fill);
        }
        if (intent instanceof Intent.Choose choose) {
            return choose(elements, choose);
        }
        if (intent instanceof Intent.SetBoxes boxes) {
            return boxes(elements, boxes);
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
            return withElement(elements, press.in().get(), Want.FIELD, e ->
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
        // "click the search box": a field named as a field is clicked to put the cursor in it
        Want want = thing.kind().filter(k -> k.equals("field")).isPresent() ? Want.FIELD : Want.PRESSABLE;
        Match match = ElementMatcher.find(elements, thing, want);
        if (match instanceof Match.Missing) {
            Match anywhere = ElementMatcher.find(elements, thing, Want.READABLE);
            if (anywhere instanceof Match.Found found && found.score() >= 0.9) {
                match = anywhere;
            }
        }
        return act(match, thing, e -> Grounded.Steps.last(thought + ".", new Action.Click(target(e))));
    }

    private Grounded fill(List<ObservedElement> elements, Intent.Fill fill) {
        if (fill.field().isEmpty()) {
            List<ObservedElement> fields = elements.stream().filter(Want.FIELD.fits).toList();
            Optional<ObservedElement> focused = fields.stream().filter(e -> e.has("focused")).findFirst();
            if (focused.isEmpty() && fields.size() != 1) {
                return fields.isEmpty() ? Grounded.NotThere.yet("There is no field here to type into.")
                        : Grounded.NotThere.never("Say which field to type \"" + fill.value() + "\" into: there are "
                        + fields.size() + " here.");
            }
            ObservedElement field = focused.orElse(fields.get(0));
            return Grounded.Steps.last("Type into " + ElementMatcher.describe(field) + ".",
                    new Action.Type(target(field), fill.value()));
        }
        return withElement(elements, fill.field().get(), Want.FIELD, field -> {
            if (!field.options().isEmpty()) {
                return Grounded.Steps.last("Choose in " + ElementMatcher.describe(field) + ".",
                        new Action.Select(target(field), bestOption(field.options(), fill.value())));
            }
            return Grounded.Steps.last("Type into " + ElementMatcher.describe(field) + ".",
                    new Action.Type(target(field), fill.value()));
        });
    }

    private Grounded choose(List<ObservedElement> elements, Intent.Choose choose) {
        if (choose.list().isPresent()) {
            Match list = ElementMatcher.find(elements, choose.list().get(), Want.LIST);
            if (list instanceof Match.Found found && !found.element().options().isEmpty()) {
                return Grounded.Steps.last("Choose in " + ElementMatcher.describe(found.element()) + ".",
                        new Action.Select(target(found.element()), bestOption(found.element().options(), choose.option())));
            }
        }
        Phrase option = Phrase.of("\"" + choose.option() + "\"");
        Optional<ObservedElement> listWithIt = elements.stream().filter(Want.LIST.fits)
                .filter(e -> e.options().stream().anyMatch(o -> NameLikeness.similarity(choose.option(), o) >= 0.85))
                .findFirst();
        if (listWithIt.isPresent()) {
            ObservedElement list = listWithIt.get();
            return Grounded.Steps.last("Choose in " + ElementMatcher.describe(list) + ".",
                    new Action.Select(target(list), bestOption(list.options(), choose.option())));
        }
        Match box = ElementMatcher.find(elements, Phrase.of(choose.option()), Want.BOX);
        if (box instanceof Match.Found found) {
            return Grounded.Steps.last("Choose " + ElementMatcher.describe(found.element()) + ".",
                    new Action.SetChecked(target(found.element()), true));
        }
        return pressing(elements, option, "Choose " + choose.option());
    }

    private Grounded boxes(List<ObservedElement> elements, Intent.SetBoxes boxes) {
        List<Action> actions = new ArrayList<>();
        for (Phrase box : boxes.boxes()) {
            Match match = ElementMatcher.find(elements, box, Want.BOX);
            if (!boxes.checked() && !(match instanceof Match.Found)) {
                Match field = ElementMatcher.find(elements, box, Want.FIELD);
                if (field instanceof Match.Found found) {
                    actions.add(new Action.Type(target(found.element()), "", true));
                    continue;
                }
            }
            if (!(match instanceof Match.Found found)) {
                return act(match, box, e -> null);
            }
            actions.add(new Action.SetChecked(target(found.element()), boxes.checked()));
        }
        return new Grounded.Steps(actions, true, (boxes.checked() ? "Check " : "Uncheck ") + boxes.boxes() + ".");
    }

    private Grounded search(List<ObservedElement> elements, String query) {
        List<ObservedElement> fields = elements.stream().filter(Want.FIELD.fits).toList();
        Optional<ObservedElement> box = fields.stream().filter(e -> e.role().equals("searchbox")).findFirst()
                .or(() -> fields.stream().filter(e -> ElementMatcher.score(e, Phrase.of("search")) >= 0.8)
                        .max(Comparator.comparingDouble(e -> ElementMatcher.score(e, Phrase.of("search")))))
                .or(() -> fields.size() == 1 ? Optional.of(fields.get(0)) : Optional.empty());
        if (box.isPresent()) {
            Target field = target(box.get());
            return Grounded.Steps.last("Search for \"" + query + "\" in " + ElementMatcher.describe(box.get()) + ".",
                    new Action.Type(field, query), new Action.PressKey(Optional.of(field), "Enter"));
        }
        Match opener = ElementMatcher.find(elements, Phrase.of("search"), Want.PRESSABLE);
        if (opener instanceof Match.Found found) {
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
        return withElement(elements, scroll.to().get(), Want.READABLE, e ->
                Grounded.Steps.last("Scroll to " + ElementMatcher.describe(e) + ".",
                        new Action.Scroll(Optional.of(target(e)), Action.Scroll.Direction.DOWN, 0)));
    }

    private Grounded read(List<ObservedElement> elements, Intent.Read read) {
        if (read.thing().isEmpty()) {
            return Grounded.Steps.last("Read the page.", new Action.Extract(Optional.empty(), Action.Extract.What.MAIN_TEXT));
        }
        if (read.table()) {
            Optional<ObservedElement> table = elements.stream().filter(e -> e.role().equals("table")).findFirst();
            return Grounded.Steps.last("Read the table.", new Action.Extract(table.map(IntentGrounding::target),
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
        return act(match, thing, e -> Grounded.Steps.last("Read " + ElementMatcher.describe(e) + ".",
                new Action.Extract(Optional.of(target(e)), Action.Extract.What.TEXT)));
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
        Optional<ObservedElement> named = buttons.stream().filter(b -> NameLikeness.similarity(item.words(), b.context()) >= 0.7)
                .max(Comparator.comparingDouble(b -> NameLikeness.similarity(item.words(), b.context())));
        if (named.isPresent()) {
            return Grounded.Steps.last("Add " + named.get().context() + " to the cart.", new Action.Click(target(named.get())));
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

    private static String bestOption(List<String> options, String wanted) {
        return options.stream().max(Comparator.comparingDouble(o -> NameLikeness.similarity(wanted, o))).orElse(wanted);
    }

    private Grounded withElement(List<ObservedElement> elements, Phrase phrase, Want want,
                                 java.util.function.Function<ObservedElement, Grounded> then) {
        return act(ElementMatcher.find(elements, phrase, want), phrase, then);
    }

    private static Grounded act(Match match, Phrase phrase, java.util.function.Function<ObservedElement, Grounded> then) {
        if (match instanceof Match.Found found) {
            return then.apply(found.element());
        }
        if (match instanceof Match.Ambiguous two) {
            return new Grounded.NotThere("Two things match " + phrase + " equally: " + ElementMatcher.describe(two.first())
                    + " and " + ElementMatcher.describe(two.second()) + "; say which (for example \"the first\").",
                    Optional.empty(), false);
        }
        Match.Missing missing = (Match.Missing) match;
        String closest = missing.closest().filter(e -> missing.score() > 0.3)
                .map(e -> " (closest: " + ElementMatcher.describe(e) + ", " + String.format(Locale.ROOT, "%.2f", missing.score()) + ")")
                .orElse("");
        return new Grounded.NotThere("Nothing here matches " + phrase + closest + ".",
                phrase.isEmpty() ? Optional.empty() : Optional.of(phrase.words()), true);
    }

    /** The element by its number, with its name kept as a second locator for the record. */
    static Target target(ObservedElement element) {
        Target byNumber = Target.byNumber(element.number());
        String name = !element.name().isBlank() ? element.name() : element.text();
        return name.isBlank() ? byNumber : byNumber.or(new Locator.Name(name));
    }

    private record Priced(ObservedElement control, BigDecimal price) {
    }
}
