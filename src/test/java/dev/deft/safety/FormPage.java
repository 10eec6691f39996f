package dev.deft.safety;

import dev.deft.core.Observation;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import java.util.List;
import java.util.Optional;

/** An observation for tests: a page at an address where every target is a control of one form. */
record FormPage(String location, String role, boolean submits, List<TargetFacts.Field> fields) implements Observation {

    static FormPage at(String location) {
        return new FormPage(location, "button", true, List.of());
    }

    static TargetFacts.Field field(String label, String type, String autocomplete) {
        return new TargetFacts.Field(label, "", type, autocomplete, "");
    }

    FormPage withFields(TargetFacts.Field... more) {
        return new FormPage(location, role, submits, List.of(more));
    }

    FormPage asLink() {
        return new FormPage(location, "link", false, fields);
    }

    @Override
    public String surface() {
        return "browser";
    }

    @Override
    public String render(int maxChars) {
        return "a form at " + location;
    }

    @Override
    public Optional<TargetFacts> factsAbout(Target target) {
        return Optional.of(new TargetFacts(role, target.toString(), "", submits ? "submit" : "", "", submits, fields));
    }
}
