package dev.deft.plan;

import static dev.deft.plan.Grounded.target;

import dev.deft.core.Action;
import dev.deft.core.ObservedElement;
import dev.deft.plan.ElementMatcher.Match;
import dev.deft.plan.ElementMatcher.Want;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Puts values in the controls of a form, the control deciding how: a text box is typed into, a list is chosen from
 * (a native one at once, a scripted one opened first), a box is ticked, a radio button picked. Several things to
 * tick or choose are split where the page says they are several ("Heard Island and McDonald Islands, Nicaragua").
 */
final class FieldGrounding {
    private static final double OPTION_ENOUGH = 0.8;
    /** An option of a list is one of few, all in view: "Express" is "Express shipping (2 days)" there. */
    private static final double LIST_OPTION_ENOUGH = 0.6;
    private static final Set<String> YES = Set.of("on", "yes", "true", "checked", "ticked", "enabled", "selected", "1");
    private static final Set<String> NO = Set.of("off", "no", "false", "unchecked", "unticked", "disabled", "none", "0");

    private final Recall recall;

    FieldGrounding(Recall recall) {
        this.recall = recall;
    }

    Grounded fill(List<ObservedElement> elements, Intent.Fill fill, boolean opened) {
        if (fill.value() instanceof Intent.Value.Described described) {
            return described(elements, fill.field(), described.description(), opened);
        }
        Optional<String> value = fill.value() instanceof Intent.Value.Text text ? Optional.of(text.text()) : recall.read();
        if (value.isEmpty()) {
            return Grounded.NotThere.never("There is nothing read before this to type: say the value, or what to read first.");
        }
        if (fill.field().isEmpty()) {
            List<ObservedElement> fields = elements.stream().filter(Want.FIELD.fits).toList();
            Optional<ObservedElement> focused = fields.stream().filter(e -> e.has("focused")).findFirst();
            if (focused.isEmpty() && fields.size() != 1) {
                return fields.isEmpty() ? Grounded.NotThere.yet("There is no field here to type into.")
                        : Grounded.NotThere.never("Say which field to type \"" + value.get() + "\" into: there are "
                        + fields.size() + " here.");
            }
            recall.named(focused.orElse(fields.get(0)));
            return put(elements, focused.orElse(fields.get(0)), value.get(), opened);
        }
        Phrase field = fill.field().get();
        Optional<ObservedElement> before = recall.named(elements);
        Match match = ElementMatcher.find(elements, field, Want.FIELD, before);
        if (!(match instanceof Match.Found)) {
            // "set Newsletter to off", "set Size to Large": the thing named may be a box, a list or a group of radios
            Match other = ElementMatcher.find(elements, field, Want.BOX, before);
            if (!(other instanceof Match.Found)) {
                other = ElementMatcher.find(elements, field, Want.LIST, before);
            }
            if (other instanceof Match.Found) {
                match = other;
            } else if (!radiosIn(elements, field, value.get()).isEmpty()) {
                return choose(elements, new Intent.Choose(value.get(), Optional.of(field)), opened);
            }
        }
        String typed = value.get();
        return Grounded.of(match, field, element -> {
            recall.named(element);
            return put(elements, element, typed, opened);
        });
    }

    /** Puts the value in the control as the control takes it. */
    Grounded put(List<ObservedElement> elements, ObservedElement control, String value, boolean opened) {
        String role = control.role();
        if (role.equals("checkbox") || role.equals("switch") || role.equals("menuitemcheckbox")) {
            String v = value.toLowerCase(Locale.ROOT).strip();
            if (!YES.contains(v) && !NO.contains(v)) {
                return Grounded.NotThere.never(ElementMatcher.describe(control) + " is a box to tick or clear, not a field "
                        + "for \"" + value + "\".");
            }
            return Grounded.Steps.last((YES.contains(v) ? "Check " : "Uncheck ") + ElementMatcher.describe(control) + ".",
                    new Action.SetChecked(target(control), YES.contains(v)));
        }
        if (!control.options().isEmpty() || control.type().equals("select")) {
            Optional<String> option = option(control.options(), value);
            List<String> several = Items.split(value, item -> option(control.options(), item).isPresent());
            boolean exact = control.options().stream().anyMatch(o -> o.equalsIgnoreCase(value.strip()));
            if (!exact && control.role().equals("listbox") && several.size() > 1
                    && several.stream().allMatch(item -> option(control.options(), item).isPresent())) {
                // a list that takes several: "Heard Island and McDonald Islands, Nicaragua"
                return new Grounded.Steps(several.stream().<Action>map(item -> new Action.Select(target(control),
                        option(control.options(), item).orElseThrow())).toList(), true, "Choose " + String.join(", ", several)
                        + " in " + ElementMatcher.describe(control) + ".");
            }
            if (option.isEmpty()) {
                return Grounded.NotThere.never(ElementMatcher.describe(control) + " has no option like \"" + value
                        + "\"; it offers " + String.join(", ", control.options()) + ".");
            }
            return Grounded.Steps.last("Choose \"" + option.get() + "\" in " + ElementMatcher.describe(control) + ".",
                    new Action.Select(target(control), option.get()));
        }
        if (isWidget(control)) {
            return fromWidget(elements, control, value, opened);
        }
        if (role.equals("radio") || role.equals("option") || role.equals("menuitemradio")) {
            return Grounded.Steps.last("Choose " + ElementMatcher.describe(control) + ".", new Action.SetChecked(target(control), true));
        }
        if (role.equals("slider")) {
            return Grounded.NotThere.never(ElementMatcher.describe(control) + " is a slider, which the built-in planner "
                    + "cannot set yet; a model (docs/MODELS.md) or a recorded skill can.");
        }
        return Grounded.Steps.last("Type into " + ElementMatcher.describe(control) + ".", new Action.Type(target(control), value));
    }

    /** A list a script draws (a combobox or listbox that is no native select): opened, then its option clicked. */
    private static boolean isWidget(ObservedElement control) {
        return (control.role().equals("combobox") || control.role().equals("listbox") || control.role().equals("radiogroup"))
                && !Set.of("text", "search", "email", "url", "tel", "textarea", "select").contains(control.type())
                && control.options().isEmpty();
    }

    private Grounded fromWidget(List<ObservedElement> elements, ObservedElement list, String value, boolean opened) {
        List<ObservedElement> options = elements.stream()
                .filter(e -> Set.of("option", "radio", "menuitem", "menuitemradio", "treeitem").contains(e.role()))
                .filter(e -> list.role().equals("combobox") || Nesting.holds(list, e) || e.within().isEmpty())
                .toList();
        Optional<ObservedElement> option = options.stream()
                .filter(e -> NameLikeness.similarity(value, e.name().isBlank() ? e.text() : e.name()) >= OPTION_ENOUGH)
                .max(Comparator.comparingDouble(e -> NameLikeness.similarity(value, e.name().isBlank() ? e.text() : e.name())));
        if (option.isPresent()) {
            return Grounded.Steps.last("Choose " + ElementMatcher.describe(option.get()) + ".", new Action.Click(target(option.get())));
        }
        if (!opened && list.role().equals("combobox") && !list.has("expanded")) {
            return Grounded.Steps.first("Open " + ElementMatcher.describe(list) + " to see its options.", new Action.Click(target(list)));
        }
        return Grounded.NotThere.never(ElementMatcher.describe(list) + " offers no option like \"" + value + "\""
                + (options.isEmpty() ? "." : "; it offers " + options.stream().limit(8).map(ElementMatcher::describe).toList() + "."));
    }

    /** "enter a word that starts with 'Ka'": typed as far as the description goes, then chosen from what is offered. */
    private Grounded described(List<ObservedElement> elements, Optional<Phrase> named, String spoken, boolean opened) {
        Optional<Description> description = Description.of(spoken);
        if (description.isEmpty()) {
            return Grounded.NotThere.never("\"" + spoken + "\" describes a value by what it means; the built-in planner "
                    + "reads only spelling (starts with, ends with, contains) and needs a model (docs/MODELS.md) for this.");
        }
        List<ObservedElement> fields = named.map(p -> ElementMatcher.find(elements, p, Want.FIELD))
                .filter(m -> m instanceof Match.Found).map(m -> List.of(((Match.Found) m).element()))
                .orElseGet(() -> elements.stream().filter(Want.FIELD.fits).toList());
        if (fields.size() != 1) {
            return Grounded.NotThere.never("Say which field to put " + spoken + " in.");
        }
        ObservedElement field = fields.get(0);
        Optional<String> fromList = field.options().stream().filter(description.get()::fits).findFirst();
        if (fromList.isPresent()) {
            return Grounded.Steps.last("Choose \"" + fromList.get() + "\", " + spoken + ".", new Action.Select(target(field), fromList.get()));
        }
        Optional<ObservedElement> offered = elements.stream()
                .filter(e -> Set.of("option", "menuitem", "listitem", "treeitem").contains(e.role()) || e.interactive()
                        && e.role().equals("text"))
                .filter(e -> description.get().fits(e.name().isBlank() ? e.text() : e.name())).findFirst();
        if (offered.isPresent()) {
            return Grounded.Steps.last("Choose " + ElementMatcher.describe(offered.get()) + ", " + spoken + ".",
                    new Action.Click(target(offered.get())));
        }
        if (!opened && description.get().start().isPresent()) {
            return Grounded.Steps.first("Type \"" + description.get().start().get() + "\" to see what " + ElementMatcher.describe(field)
                    + " suggests.", new Action.Type(target(field), description.get().start().get()));
        }
        return Grounded.NotThere.never("Nothing offered here is " + spoken + "; I will not make a value up.");
    }

    Grounded choose(List<ObservedElement> elements, Intent.Choose choose, boolean opened) {
        String wanted = choose.option();
        Optional<ObservedElement> before = recall.named(elements);
        if (choose.list().isPresent()) {
            Phrase named = choose.list().get();
            Match list = ElementMatcher.find(elements, named, Want.LIST, before);
            if (!(list instanceof Match.Found)) {
                // "select 12/06/2016 as the date", "select -7 with the spinner": a field that takes the value typed
                list = ElementMatcher.find(elements, named, Want.FIELD, before);
            }
            if (list instanceof Match.Found found) {
                return put(elements, found.element(), wanted, opened);
            }
            List<ObservedElement> radios = radiosIn(elements, named, wanted);
            if (radios.size() == 1) {
                return Grounded.Steps.last("Choose " + ElementMatcher.describe(radios.get(0)) + ".",
                        new Action.SetChecked(target(radios.get(0)), true));
            }
        }
        Optional<Grounded> whole = one(elements, wanted, opened);
        if (whole.isPresent()) {
            return whole.get();
        }
        List<String> items = Items.split(wanted, item -> one(elements, item, opened).isPresent());
        if (items.size() > 1) {
            List<Action> actions = new ArrayList<>();
            for (String item : items) {
                Optional<Grounded> found = one(elements, item, opened);
                if (found.isEmpty()) {
                    // "orders 1042 and 1044": one of several is not here, so none is chosen
                    return Grounded.NotThere.yet("Nothing here matches \"" + item + "\" to choose.");
                }
                Grounded each = found.get();
                if (!(each instanceof Grounded.Steps steps) || !steps.finishes()) {
                    return each;
                }
                actions.addAll(steps.actions());
            }
            return new Grounded.Steps(actions, true, "Choose " + String.join(", ", items) + ".");
        }
        Phrase option = Phrase.of("\"" + wanted + "\"");
        return Grounded.of(ElementMatcher.find(elements, option, Want.PRESSABLE, before), option,
                e -> Grounded.Steps.last("Choose " + ElementMatcher.describe(e) + ".", new Action.Click(target(e))));
    }

    /** One thing to choose: an option of a list on the page, a box or radio button, an option a script drew. */
    private Optional<Grounded> one(List<ObservedElement> elements, String wanted, boolean opened) {
        List<ObservedElement> lists = elements.stream().filter(Want.LIST.fits)
                .filter(e -> option(e.options(), wanted).isPresent()).toList();
        if (lists.size() == 1) {
            return Optional.of(put(elements, lists.get(0), wanted, opened));
        }
        Phrase option = Phrase.of("\"" + wanted + "\"");
        Match box = ElementMatcher.find(elements, option, Want.BOX);
        if (box instanceof Match.Found found) {
            return Optional.of(Grounded.Steps.last("Choose " + ElementMatcher.describe(found.element()) + ".",
                    new Action.SetChecked(target(found.element()), true)));
        }
        Optional<ObservedElement> drawn = elements.stream().filter(e -> Set.of("option", "menuitem", "tab", "treeitem")
                .contains(e.role())).filter(e -> ElementMatcher.score(e, option) >= 0.9).findFirst();
        return drawn.map(e -> Grounded.Steps.last("Choose " + ElementMatcher.describe(e) + ".", new Action.Click(target(e))));
    }

    Grounded boxes(List<ObservedElement> elements, Intent.SetBoxes boxes) {
        Optional<ObservedElement> before = recall.named(elements);
        List<Action> actions = new ArrayList<>();
        List<Phrase> phrases = boxes.boxes();
        for (int i = 0; i < phrases.size(); i++) {
            Phrase box = phrases.get(i);
            if (box.plural() && box.isEmpty() || box.plural() && !box.scopes().isEmpty()) {
                // "tick all the boxes", "check the boxes of the unread mails"
                List<ObservedElement> all = ElementMatcher.findAll(elements, box, Want.BOX, before);
                if (all.isEmpty()) {
                    return Grounded.of(new Match.Missing(Optional.empty(), 0), box, e -> null);
                }
                all.forEach(e -> actions.add(new Action.SetChecked(target(e), boxes.checked())));
                continue;
            }
            Match match = ElementMatcher.find(elements, box, Want.BOX, before);
            if (!(match instanceof Match.Found) && i + 1 < phrases.size()) {
                // "tick Terms and Conditions": read as one name where the page has it as one
                Phrase joined = Phrase.of(box.spoken() + " and " + phrases.get(i + 1).spoken());
                Match whole = ElementMatcher.find(elements, joined, Want.BOX, before);
                if (whole instanceof Match.Found) {
                    match = whole;
                    i++;
                }
            }
            if (!boxes.checked() && !(match instanceof Match.Found)) {
                Match field = ElementMatcher.find(elements, box, Want.FIELD, before);
                if (field instanceof Match.Found found) {
                    actions.add(new Action.Type(target(found.element()), "", true));
                    continue;
                }
            }
            if (!(match instanceof Match.Found found)) {
                return Grounded.of(match, box, e -> null);
            }
            actions.add(new Action.SetChecked(target(found.element()), boxes.checked()));
        }
        return new Grounded.Steps(actions, true, (boxes.checked() ? "Check " : "Uncheck ") + boxes.boxes() + ".");
    }

    Grounded expand(List<ObservedElement> elements, Intent.Expand expand) {
        // a collapsed thing that only wraps a control of its own name (a button in a header) is no section
        List<ObservedElement> collapsed = elements.stream().filter(e -> e.has("collapsed") && e.interactive())
                .filter(e -> elements.stream().noneMatch(inner -> inner != e && inner.interactive() && Nesting.holds(e, inner)
                        && inner.name().equals(e.name()))).toList();
        if (expand.section().isPresent()) {
            Phrase section = expand.section().get();
            Match match = ElementMatcher.find(collapsed, section, Want.READABLE);
            if (match instanceof Match.Found found) {
                return Grounded.Steps.last("Open " + ElementMatcher.describe(found.element()) + ".", new Action.Click(target(found.element())));
            }
            Match open = ElementMatcher.find(elements.stream().filter(e -> e.has("expanded")).toList(), section, Want.READABLE);
            if (open instanceof Match.Found found) {
                return new Grounded.Steps(List.of(), true, ElementMatcher.describe(found.element()) + " is open already.");
            }
            return Grounded.of(ElementMatcher.find(elements, section, Want.PRESSABLE), section,
                    e -> Grounded.Steps.last("Open " + ElementMatcher.describe(e) + ".", new Action.Click(target(e))));
        }
        if (collapsed.isEmpty()) {
            boolean anyOpen = elements.stream().anyMatch(e -> e.has("expanded"));
            return anyOpen ? new Grounded.Steps(List.of(), true, "The sections here are open already.")
                    : Grounded.NotThere.yet("There is no collapsed section here to open.");
        }
        if (collapsed.size() > 1 && !expand.all()) {
            return Grounded.NotThere.never("Say which section to open: " + collapsed.stream().limit(4)
                    .map(ElementMatcher::describe).toList() + ".");
        }
        return new Grounded.Steps(collapsed.stream().<Action>map(e -> new Action.Click(target(e))).toList(), true,
                "Open " + (collapsed.size() == 1 ? ElementMatcher.describe(collapsed.get(0)) : collapsed.size() + " sections") + ".");
    }

    /** Radio buttons in a group the phrase names (by its legend or heading) that the value names. */
    private static List<ObservedElement> radiosIn(List<ObservedElement> elements, Phrase group, String value) {
        Phrase option = Phrase.of("\"" + value + "\"");
        return elements.stream().filter(e -> e.role().equals("radio"))
                .filter(e -> ElementMatcher.score(e, option) >= OPTION_ENOUGH)
                .filter(e -> NameLikeness.similarity(group.words(), e.context()) >= ElementMatcher.GOOD_ENOUGH).toList();
    }

    /** The option a person means by the words: as written, or near enough and nearer than any other. */
    static Optional<String> option(List<String> options, String wanted) {
        List<String> ranked = options.stream().filter(o -> NameLikeness.similarity(wanted, o) >= LIST_OPTION_ENOUGH)
                .sorted(Comparator.comparingDouble((String o) -> NameLikeness.similarity(wanted, o)).reversed()).toList();
        if (ranked.size() > 1 && NameLikeness.similarity(wanted, ranked.get(0)) - NameLikeness.similarity(wanted, ranked.get(1)) < 0.03
                && !ranked.get(0).equalsIgnoreCase(wanted)) {
            return Optional.empty(); // "Express" among "Express (1 day)" and "Express (2 days)"
        }
        return ranked.stream().findFirst();
    }
}
