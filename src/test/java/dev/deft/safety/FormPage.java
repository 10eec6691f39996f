package dev.deft.safety;

import dev.deft.core.Observation;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import java.util.List;
import java.util.Optional;

/**
 * An observation for tests: a page at an address where every target is a control of one form, with the text shown
 * around it ({@code nearby}: a price, a total).
 */
record FormPage(String location, String role, boolean submits, List<TargetFacts.Field> fields, List<String> nearby)
        implements Observation {

    FormPage(String location, String role, boolean submits, List<TargetFacts.Field> fields) {
        this(location, role, submits, fields, List.of());
    }

    static FormPage at(String location) {
        return new FormPage(location, "button", true, List.of());
    }

    static TargetFacts.Field field(String label, String type, String autocomplete) {
        return new TargetFacts.Field(label, "", type, autocomplete, "");
    }

    FormPage withFields(TargetFacts.Field... more) {
        return new FormPage(location, role, submits, List.of(more), nearby);
    }

    FormPage showing(String... texts) {
        return new FormPage(location, role, submits, fields, List.of(texts));
    }

    FormPage asLink() {
        return new FormPage(location, "link", false, fields, nearby);
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
        return Optional.of(new TargetFacts(role, target.toString(), "", submits ? "submit" : "", "", submits, fields,
                nearby));
    }
}
