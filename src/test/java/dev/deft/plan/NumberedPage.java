package dev.deft.plan;

import dev.deft.core.Observation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A page written for tests: numbered elements with roles and names, some text, maybe a screenshot. */
record NumberedPage(String url, String title, List<Element> elements, String text, Optional<Path> shot)
        implements Observation {

    record Element(int number, String role, String name) {
    }

    NumberedPage(String url, String title, List<Element> elements, String text) {
        this(url, title, elements, text, Optional.empty());
    }

    static Element element(int number, String role, String name) {
        return new Element(number, role, name);
    }

    NumberedPage withScreenshot(Path file) {
        return new NumberedPage(url, title, elements, text, Optional.of(file));
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
        elements.forEach(e -> out.append('[').append(e.number()).append("] ").append(e.role()).append(" \"")
                .append(e.name()).append("\"\n"));
        out.append(text);
        return out.length() <= maxChars ? out.toString() : out.substring(0, maxChars - 20) + "\n(cut to fit)";
    }

    @Override
    public Map<Integer, String> numberedElements() {
        Map<Integer, String> names = new LinkedHashMap<>();
        elements.forEach(e -> names.put(e.number(), e.name()));
        return names;
    }

    @Override
    public Optional<Path> screenshot() {
        return shot;
    }
}
