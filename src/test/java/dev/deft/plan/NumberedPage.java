package dev.deft.plan;

import dev.deft.core.Locator;
import dev.deft.core.ObservedElement;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import dev.deft.core.Observation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A page written for tests: numbered elements with roles and names, some text, maybe a screenshot. */
record NumberedPage(String url, String title, List<Element> items, String text, Optional<Path> shot)
        implements Observation {

    /** One numbered element; {@code inputType} is an input's type, such as {@code password}, or empty. */
    record Element(int number, String role, String name, String inputType) {
        Element(int number, String role, String name) {
            this(number, role, name, "");
        }
    }

    static Element password(int number, String name) {
        return new Element(number, "textbox", name, "password");
    }

    NumberedPage(String url, String title, List<Element> items, String text) {
        this(url, title, items, text, Optional.empty());
    }

    static Element element(int number, String role, String name) {
        return new Element(number, role, name);
    }

    NumberedPage withScreenshot(Path file) {
        return new NumberedPage(url, title, items, text, Optional.of(file));
    }

    @Override
    public String surface() {
        return "browser";
    }

    @Override
    public String location() {
        return url;
    }

    @Override
    public String render(int maxChars) {
        StringBuilder out = new StringBuilder("Title: " + title + "\n");
        items.forEach(e -> out.append('[').append(e.number()).append("] ").append(e.role()).append(" \"")
                .append(e.name()).append("\"\n"));
        out.append(text);
        return out.length() <= maxChars ? out.toString() : out.substring(0, maxChars - 20) + "\n(cut to fit)";
    }

    @Override
    public List<ObservedElement> elements() {
        return items.stream().map(e -> new ObservedElement(e.number(), e.role(), e.name(), "", "", Optional.empty(), "",
                List.of(), "", List.of(), true, true)).toList();
    }

    @Override
    public Optional<TargetFacts> factsAbout(Target target) {
        if (!(target.primary() instanceof Locator.ElementNumber number)) {
            return Optional.empty();
        }
        return items.stream().filter(e -> e.number() == number.number()).findFirst()
                .map(e -> new TargetFacts(e.role(), "", e.name(), e.inputType(), "", false, List.of()));
    }

    @Override
    public Optional<Path> screenshot() {
        return shot;
    }
}
