package dev.deft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The thing an action acts on, described by one or more locators, best first.
 * Replay tries them in order, so a target recorded on one page survives small changes to it.
 */
public record Target(List<Locator> locators) {

    public Target {
        locators = List.copyOf(Require.nonNull(locators, "locators"));
        if (locators.isEmpty()) {
            throw new IllegalArgumentException("a target needs at least one locator");
        }
    }

    public static Target of(Locator first, Locator... more) {
        List<Locator> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return new Target(all);
    }

    public static Target byText(String text) { return of(new Locator.Text(text)); }

    public static Target byName(String name) { return of(new Locator.Name(name)); }

    public static Target byLabel(String label) { return of(new Locator.Label(label)); }

    public static Target byPlaceholder(String placeholder) { return of(new Locator.Placeholder(placeholder)); }

    public static Target byRole(String role, String name) { return of(new Locator.Role(role, name)); }

    public static Target byCss(String selector) { return of(new Locator.Css(selector)); }

    public static Target byXPath(String expression) { return of(new Locator.XPath(expression)); }

    public static Target byNumber(int number) { return of(new Locator.ElementNumber(number)); }

    /** This target with one more locator tried after the others. */
    public Target or(Locator another) {
        List<Locator> all = new ArrayList<>(locators);
        all.add(another);
        return new Target(all);
    }

    public Locator primary() {
        return locators.get(0);
    }

    /**
     * This target as a sentence names it: by its first locator of words a person reads (a name, a label, a text), or
     * as it is where it has none. For messages about a step, where every selector of a recording would be noise.
     */
    public Target named() {
        return locators.stream().filter(l -> l instanceof Locator.Name || l instanceof Locator.Label
                        || l instanceof Locator.Text || l instanceof Locator.Placeholder || l instanceof Locator.ScreenText
                        || l instanceof Locator.Window || l instanceof Locator.Role r && !r.name().isEmpty())
                .findFirst().map(Target::of).orElse(this);
    }

    /** How a person reads it: {@code "Add to cart" (#91)} for a numbered element with a name, else the locators. */
    @Override
    public String toString() {
        if (primary() instanceof Locator.ElementNumber number && locators.size() > 1) {
            Locator named = locators.get(1);
            String name = named instanceof Locator.Name n ? n.name() : named instanceof Locator.Text t ? t.text()
                    : named instanceof Locator.Label l ? l.label() : null;
            if (name != null) {
                return '"' + name + "\" (#" + number.number() + ")";
            }
        }
        return locators.stream().map(Locator::toString).collect(Collectors.joining(" or "));
    }
}
