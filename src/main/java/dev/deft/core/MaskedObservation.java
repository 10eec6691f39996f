package dev.deft.core;

import java.nio.file.Path;
import java.util.Optional;

/** An observation with every secret value taken out of what a planner can read: a page may echo what was typed. */
record MaskedObservation(Observation inner, Secrets secrets) implements Observation {

    @Override
    public String surface() {
        return inner.surface();
    }

    @Override
    public String render(int maxChars) {
        return secrets.mask(inner.render(maxChars));
    }

    @Override
    public String render(int maxChars, String focus) {
        return secrets.mask(inner.render(maxChars, focus));
    }

    @Override
    public String location() {
        return secrets.mask(inner.location());
    }

    @Override
    public String title() {
        return secrets.mask(inner.title());
    }

    @Override
    public Optional<TargetFacts> factsAbout(Target target) {
        return inner.factsAbout(target).map(facts -> new TargetFacts(facts.role(), secrets.mask(facts.text()),
                secrets.mask(facts.name()), facts.inputType(), facts.autocomplete(), facts.submits(),
                facts.form().stream().map(field -> new TargetFacts.Field(field.label(), field.name(), field.inputType(),
                        field.autocomplete(), secrets.mask(field.value()))).toList(),
                facts.nearby().stream().map(secrets::mask).toList()));
    }

    @Override
    public java.util.List<ObservedElement> elements() {
        return inner.elements().stream().map(e -> e.withWords(secrets::mask)).toList();
    }

    @Override
    public java.util.List<Mark> marks() {
        return inner.marks();
    }

    @Override
    public Optional<Path> screenshot() {
        return inner.screenshot();
    }
}
