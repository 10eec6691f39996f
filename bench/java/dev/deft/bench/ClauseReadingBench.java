package dev.deft.bench;

import dev.deft.browser.PageElement;
import dev.deft.browser.PageObservation;
import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.plan.CommandPlanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How long the offline command planner takes to read one clause of a request against a page of 2,000 elements: the
 * first {@code next(PlanContext)} a run asks of a new {@link CommandPlanner} (reading the request, then grounding its
 * first intent on the page), which is what every step of a run costs before it acts. The page is built in-process as
 * a {@link PageObservation}, the type a browser run hands the planner, with the boxes a real page tells: a header,
 * filter and shipping forms, a table of orders with buttons in every row, product cards and a footer, the people and
 * places in it made up from syllables. Each clause is timed on the same page again and again (as at every step after
 * the first on a page), then once each on pages of new made-up words, never read before (the first step on a page).
 * Two baselines in the same run give the ratios: one plain case-insensitive scan of the 2,000 names, and the
 * observation's own {@code elements()}, which every reading calls.
 * Run: {@code bench/run ClauseReadingBench [ROUNDS] [ELEMENTS]}.
 */
public final class ClauseReadingBench {
    /** What the made-up names of people and places are made of: "Kalo Venmira", "Torsel". */
    private static final String[] SYLLABLES = {"ka", "lo", "ven", "mi", "ra", "tor", "sel", "du", "an", "bri", "ze",
            "ol", "fen", "gu", "is", "mar", "tje", "ro", "ul", "ny", "qua", "es", "pil", "dov", "ha", "wen", "ot", "sa"};
    private static final String[] STATUSES = {"Pending", "Paid", "Shipped", "Delivered", "Cancelled", "Refunded"};
    private static final String[] ADJECTIVES = {"Blue", "Steel", "Linen", "Oak", "Copper", "Woollen", "Dotted", "Glazed",
            "Folding", "Heavy", "Tall", "Walnut", "Enamel", "Bamboo", "Cast-iron"};
    private static final String[] NOUNS = {"Teapot", "Kettle", "Mug", "Lamp", "Cushion", "Blanket", "Notebook", "Stool",
            "Stapler", "Colander", "Skillet", "Planter", "Clock", "Tray", "Ladle"};
    private static final String[] COUNTRIES = {"Austria", "Belgium", "Croatia", "Czechia", "Denmark", "Estonia",
            "Finland", "France", "Germany", "Ireland", "Italy", "Netherlands", "Norway", "Poland", "Portugal", "Slovenia",
            "Spain", "Sweden", "Switzerland", "United Kingdom"};

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Shop shop = Shop.build(size, 7);
        PageObservation page = shop.page();
        List<Clause> clauses = clauses(shop);

        List<ObservedElement> seen = page.elements();
        System.out.printf(Locale.ROOT, "page: %,d elements (%d interactive), %d order rows, %d cards; %d rounds after "
                        + "warming up; %s, %d cores%n", seen.size(), seen.stream().filter(ObservedElement::interactive).count(),
                shop.rows, shop.cards, rounds, System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());

        String word = shop.customers.get(shop.rows / 2).toLowerCase(Locale.ROOT);
        Supplier<Object> scan = () -> scan(seen, word);
        Supplier<Object> convert = page::elements;
        for (int i = 0; i < 200; i++) {
            scan.get();
            convert.get();
        }
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < clauses.size(); c++) {
                for (int j = 0; j < Math.max(5, rounds / 4); j++) {
                    read(clauses.get(c).request(), page);
                }
                Shop fresh = Shop.build(size, -1 - i * clauses.size() - c);
                read(clauses(fresh).get(c).request(), fresh.page());
            }
        }

        // the same page: the clauses and the baselines interleaved, round by round, so that a busy moment falls on all
        List<List<Double>> again = new ArrayList<>();
        clauses.forEach(c -> again.add(new ArrayList<>()));
        List<Double> scanMillis = new ArrayList<>();
        List<Double> convertMillis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            scanMillis.add(time(scan));
            convertMillis.add(time(convert));
            for (int c = 0; c < clauses.size(); c++) {
                String request = clauses.get(c).request();
                again.get(c).add(time(() -> read(request, page)));
            }
        }
        // a page never read before for every reading, its clause naming that page's people and orders
        List<List<Double>> fresh = new ArrayList<>();
        clauses.forEach(c -> fresh.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < clauses.size(); c++) {
                Shop other = Shop.build(size, 1_000 + round * clauses.size() + c);
                PageObservation otherPage = other.page();
                String request = clauses(other).get(c).request();
                fresh.get(c).add(time(() -> read(request, otherPage)));
            }
        }

        System.out.println();
        System.out.println("| clause | what it reads | the planner's first step | median | p95 | max | new page: median | max |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        List<Double> all = new ArrayList<>();
        List<Double> allFresh = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (int c = 0; c < clauses.size(); c++) {
            Clause clause = clauses.get(c);
            List<Double> m = again.get(c);
            List<Double> f = fresh.get(c);
            all.addAll(m);
            allFresh.addAll(f);
            medians.add(median(m));
            medians.add(median(f));
            System.out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s | %s |%n", clause.request(), clause.what(),
                    answer(read(clause.request(), page), seen), ms(median(m)), ms(p95(m)), ms(max(m)), ms(median(f)),
                    ms(max(f)));
        }
        double scanMedian = median(scanMillis);
        double convertMedian = median(convertMillis);
        System.out.printf(Locale.ROOT, "| **all %d clauses** | | | **%s** | **%s** | **%s** | **%s** | **%s** |%n",
                clauses.size(), ms(median(all)), ms(p95(all)), ms(max(all)), ms(median(allFresh)), ms(max(allFresh)));
        System.out.printf(Locale.ROOT, "| baseline: one scan of the %,d names, lower-cased `contains` | | | %s | %s | %s | | |%n",
                seen.size(), ms(scanMedian), ms(p95(scanMillis)), ms(max(scanMillis)));
        System.out.printf(Locale.ROOT, "| baseline: the observation's `elements()` | | | %s | %s | %s | | |%n",
                ms(convertMedian), ms(p95(convertMillis)), ms(max(convertMillis)));
        System.out.println();
        double slowest = Collections.max(medians);
        System.out.printf(Locale.ROOT, "slowest clause median %s: %.0f× one scan, %.0f× elements(); all clauses' median "
                        + "%s (new pages %s): %.0f× one scan, %.0f× elements()%n", ms(slowest), slowest / scanMedian,
                slowest / convertMedian, ms(median(all)), ms(median(allFresh)), median(all) / scanMedian,
                median(all) / convertMedian);
        long over = medians.stream().filter(m -> m >= 20).count();
        System.out.println(over == 0 ? "Every clause's median, same page and new pages, is under 20 ms."
                : over + " median(s) of 20 ms or more.");
    }

    /** What a run does for a clause: a new planner for the run, and its first step on the page as it is. */
    private static Plan read(String request, PageObservation page) {
        return new CommandPlanner().next(new PlanContext("bench", request, page, List.of(), 1));
    }

    /** The baseline: a plain linear scan of the page's words for one word, ignoring case. */
    private static int scan(List<ObservedElement> elements, String word) {
        int hits = 0;
        for (ObservedElement e : elements) {
            if (e.name().toLowerCase(Locale.ROOT).contains(word) || e.text().toLowerCase(Locale.ROOT).contains(word)
                    || e.label().toLowerCase(Locale.ROOT).contains(word)) {
                hits++;
            }
        }
        return hits;
    }

    private static double time(Supplier<?> work) {
        long started = System.nanoTime();
        Object result = work.get();
        double millis = (System.nanoTime() - started) / 1e6;
        if (result == null) {
            throw new IllegalStateException("no answer");
        }
        return millis;
    }

    /** The clauses timed, as people type them, naming things this page has (and one it has not). */
    private static List<Clause> clauses(Shop shop) {
        String customer = shop.customers.get(shop.rows * 2 / 3);
        String order = shop.orders.get(shop.rows / 3);
        String product = shop.products.get(shop.cards - 5);
        return List.of(
                new Clause("click Apply filters", "a button by name"),
                new Clause("click the Save address button", "name and kind"),
                new Clause("click Aply fitlers", "a name with two typos"),
                new Clause("type Oslo into the Ctiy field", "a field with a typo"),
                new Clause("type hello into the text box", "a kind alone"),
                new Clause("click the third link", "an ordinal and a kind"),
                new Clause("click the last Add to cart button", "an ordinal of a name"),
                new Clause("click the Edit button in the row of " + customer, "a button in a table row"),
                new Clause("click the Delete button for " + order, "a button in a row, by its first cell"),
                new Clause("fill First name with Ada and Last name with Lovelace", "two fills"),
                new Clause("tick Gift wrap, Subscribe to newsletter and Only overdue", "a list of boxes"),
                new Clause("choose Norway from the Country list", "an option of a named list"),
                new Clause("select Express", "an option, list untold"),
                new Clause("click Frobnicate the widgets", "a name that matches nothing"),
                new Clause("add the " + product + " to the cart", "a card's button by its heading"),
                new Clause("find " + customer, "a row's text"),
                new Clause("press Enter in the Postcode field", "a key in a field"),
                new Clause("search for walnut tray", "the search box"),
                new Clause("Postcode 4021", "no verb: the page's words decide"));
    }

    private record Clause(String request, String what) {
    }

    /** The planner's answer, short: the first action and the element it names, or why it gives up. */
    private static String answer(Plan plan, List<ObservedElement> elements) {
        if (plan instanceof Plan.GiveUp giveUp) {
            return "gives up: " + cut(giveUp.thought(), 60).replace("|", "/");
        }
        List<Action> actions = ((Plan.Act) plan).actions().stream().map(p -> p.action()).toList();
        Action first = actions.get(0);
        String what = first.getClass().getSimpleName();
        Optional<String> element = first.target().map(t -> t.primary())
                .filter(l -> l instanceof Locator.ElementNumber).map(l -> ((Locator.ElementNumber) l).number())
                .flatMap(n -> elements.stream().filter(e -> e.number() == n).findFirst())
                .map(e -> "\"" + Stream.of(e.name(), e.text(), e.label(), e.placeholder()).filter(w -> !w.isBlank())
                        .findFirst().orElse("") + "\""
                        + (e.context().isBlank() ? "" : " in \"" + e.context() + "\""));
        return what + element.map(e -> " " + e).orElse("") + (actions.size() > 1 ? " (+" + (actions.size() - 1) + ")" : "");
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }

    /**
     * A shop's back office as an observation: elements and boxes numbered from one counter, as the page library numbers
     * the DOM, each element carrying the boxes it sits in (nearest first) and the title of its row or card.
     */
    private static final class Shop {
        private final List<PageElement> elements = new ArrayList<>();
        private final Deque<Integer> boxes = new ArrayDeque<>();
        private final List<String> customers = new ArrayList<>();
        private final List<String> orders = new ArrayList<>();
        private final List<String> products = new ArrayList<>();
        private final List<String> cities = new ArrayList<>();
        private final Random random;
        private int next = 1;
        private int form;
        private String context = "";
        private int rows;
        private int cards;

        private Shop(long seed) {
            random = new Random(seed);
            while (cities.size() < 20) {
                String city = madeUp(2 + random.nextInt(2));
                if (!cities.contains(city)) {
                    cities.add(city);
                }
            }
        }

        /**
         * The page with {@code size} elements: forms and header as they are, rows and cards to fill most of it; the
         * people, places and order numbers are the seed's own.
         */
        static Shop build(int size, long seed) {
            Shop shop = new Shop(seed);
            shop.open();
            shop.header();
            shop.sidebar();
            shop.filters();
            shop.shipping();
            int fixed = shop.elements.size() + 6 + 12 + 20; // column heads, pagination, the least footer
            shop.cards = Math.max(4, (size - fixed) / 6 / 5);
            shop.rows = Math.max(4, (size - fixed - shop.cards * 5) / 9);
            shop.table();
            shop.cards();
            shop.pagination();
            shop.footer(size);
            shop.close();
            return shop;
        }

        PageObservation page() {
            return new PageObservation("bench", 1, "http://127.0.0.1:9/admin/orders", "Orders · Back office",
                    List.of("Orders", "Filter orders", "Shipping details", "Recent orders", "Recommended for you"),
                    "Orders. Filter orders. Shipping details. Recent orders.", "", elements, elements.size(),
                    new PageObservation.Scroll(0, 0, 24_000, 1280, 800), 0, Optional.empty());
        }

        private void header() {
            open();
            for (String name : List.of("Home", "Dashboard", "Orders", "Customers", "Products", "Invoices", "Reports",
                    "Settings", "Help centre", "Notifications", "My account", "Sign out")) {
                link(name);
            }
            add("searchbox", "input", "", "", "", Optional.of(""), "Search the catalogue", List.of(), List.of(), "search");
            close();
        }

        private void sidebar() {
            open();
            heading("Departments");
            for (int i = 0; i < 40; i++) {
                link(pick(ADJECTIVES) + " " + pick(NOUNS).toLowerCase(Locale.ROOT) + "s");
            }
            close();
        }

        private void filters() {
            startForm("Filter orders");
            field("Customer name", "text");
            field("Order number", "text");
            field("From date", "date");
            field("To date", "date");
            list("Status", List.of("Any", "Pending", "Paid", "Shipped", "Delivered", "Cancelled", "Refunded"));
            list("Region", List.of("Anywhere", "Nordics", "Baltics", "Benelux", "Iberia", "Alps", "Balkans", "Central Europe"));
            checkbox("Only overdue");
            checkbox("Include archived");
            checkbox("Show drafts");
            radios("Sort by", List.of("Newest first", "Oldest first", "Largest amount"));
            button("Apply filters");
            button("Reset");
            endForm();
        }

        private void shipping() {
            startForm("Shipping details");
            for (String label : List.of("First name", "Last name", "Company name", "Street address",
                    "Apartment, suite or unit", "City", "Postcode")) {
                field(label, "text");
            }
            field("Email address", "email");
            field("Phone number", "tel");
            field("Delivery notes", "textarea");
            list("Country", List.of(COUNTRIES));
            radios("Delivery speed", List.of("Standard (3–5 days)", "Express (1–2 days)", "Overnight"));
            checkbox("Gift wrap");
            checkbox("Subscribe to newsletter");
            checkbox("I agree to the Terms and Conditions");
            button("Save address");
            button("Cancel");
            endForm();
        }

        private void table() {
            open();
            heading("Recent orders");
            open();
            for (String head : List.of("Order", "Customer", "City", "Amount", "Status", "Actions")) {
                add("columnheader", "th", head, "", "", Optional.empty(), "", List.of(), List.of(), "", false);
            }
            int first = 10_000 + random.nextInt(80_000);
            for (int r = 0; r < rows; r++) {
                String order = "ORD-" + (first + r);
                String customer = madeUp(2) + " " + madeUp(2 + random.nextInt(2));
                while (customers.contains(customer)) {
                    customer = madeUp(2) + " " + madeUp(3);
                }
                orders.add(order);
                customers.add(customer);
                open();
                context = "";
                add("checkbox", "input", "Select " + order, "", "", Optional.empty(), "", List.of("unchecked"), List.of(),
                        "checkbox");
                text(order);
                context = order;
                text(customer);
                text(pick(cities));
                text(String.format(Locale.ROOT, "€%,.2f", 5 + random.nextInt(250_000) / 100.0));
                text(pick(STATUSES));
                button("Edit");
                button("Delete");
                link("View");
                context = "";
                close();
            }
            close();
            close();
        }

        private void cards() {
            open();
            heading("Recommended for you");
            for (int c = 0; c < cards; c++) {
                String product = ADJECTIVES[c % ADJECTIVES.length] + " " + NOUNS[(c / ADJECTIVES.length + c) % NOUNS.length];
                product = products.contains(product) ? product + " " + (c + 1) : product;
                products.add(product);
                open();
                context = "";
                heading(product);
                context = product;
                text(String.format(Locale.ROOT, "€%.2f", 4 + random.nextInt(20_000) / 100.0));
                text("Made in " + pick(cities) + ", ships in " + (1 + random.nextInt(9)) + " days");
                button("Add to cart");
                link("Details");
                context = "";
                close();
            }
            close();
        }

        private void pagination() {
            open();
            link("Previous");
            for (int p = 1; p <= 10; p++) {
                link(String.valueOf(p));
            }
            link("Next");
            close();
        }

        private void footer(int size) {
            open();
            List<String> names = List.of("About us", "Careers", "Press", "Privacy policy", "Cookie settings",
                    "Terms of service", "Accessibility", "Contact support", "Status page", "Developers");
            for (int i = 0; elements.size() < size; i++) {
                link(i < names.size() ? names.get(i) : "Store in " + cities.get(i % cities.size()) + " " + (i / cities.size()));
            }
            close();
        }

        private void startForm(String legend) {
            open();
            form = next - 1;
            heading(legend);
            context = legend;
        }

        private void endForm() {
            form = 0;
            context = "";
            close();
        }

        private void field(String label, String type) {
            open(); // the label and its input, side by side
            add("textbox", type.equals("textarea") ? "textarea" : "input", label, "", label, Optional.of(""), "", List.of(),
                    List.of(), type);
            close();
        }

        private void list(String label, List<String> options) {
            add("combobox", "select", label, "", label, Optional.of(options.get(0)), "", List.of(), options, "select");
        }

        private void checkbox(String label) {
            add("checkbox", "input", label, "", label, Optional.empty(), "", List.of("unchecked"), List.of(), "checkbox");
        }

        private void radios(String legend, List<String> options) {
            String outer = context;
            open();
            context = legend;
            heading(legend);
            for (int i = 0; i < options.size(); i++) {
                add("radio", "input", options.get(i), "", options.get(i), Optional.empty(), "",
                        List.of(i == 0 ? "checked" : "unchecked"), List.of(), "radio");
            }
            context = outer;
            close();
        }

        private void heading(String name) {
            add("heading", "h2", name, "", "", Optional.empty(), "", List.of(), List.of(), "", false);
        }

        private void text(String text) {
            add("text", "span", "", text, "", Optional.empty(), "", List.of(), List.of(), "", false);
        }

        private void link(String name) {
            add("link", "a", name, "", "", Optional.empty(), "", List.of(), List.of(), "");
        }

        private void button(String name) {
            add("button", "button", name, "", "", Optional.empty(), "", List.of(), List.of(), "button");
        }

        private void add(String role, String tag, String name, String text, String label, Optional<String> value,
                         String placeholder, List<String> states, List<String> options, String type) {
            add(role, tag, name, text, label, value, placeholder, states, options, type, true);
        }

        /** One element, in view if it is among the first 60 (a viewport's worth), in the boxes open now. */
        private void add(String role, String tag, String name, String text, String label, Optional<String> value,
                         String placeholder, List<String> states, List<String> options, String type, boolean interactive) {
            int order = elements.size();
            elements.add(new PageElement(next++, order, role, tag, name, text, label, value, placeholder, states,
                    context, options, "", type, order < 60, interactive, new PageElement.Box(0, 24 * order, 200, 20),
                    List.of(), form, "", List.copyOf(boxes)));
        }

        private void open() {
            boxes.push(next++);
        }

        private void close() {
            boxes.pop();
        }

        private String pick(String[] words) {
            return words[random.nextInt(words.length)];
        }

        private String pick(List<String> words) {
            return words.get(random.nextInt(words.size()));
        }

        /** A name no one has: "Venmi", "Kalotor". */
        private String madeUp(int syllables) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                name.append(pick(SYLLABLES));
            }
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }
}
