package dev.deft.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a surface looked like at one moment: a browser page, a desktop screen, or nothing yet.
 * Surfaces implement their own; planners read it through {@link #render(int)}.
 */
public interface Observation {

    /** The surface observed: {@code browser}, {@code desktop} or {@code none}. */
    String surface();

    /** A text rendering for a planner of at most {@code maxChars} characters, saying what it left out. */
    String render(int maxChars);

    /**
     * Like {@link #render(int)}, but what matches {@code focus} (the request, in a person's words) is kept first when
     * not everything fits. Surfaces that cannot rank their content render as {@link #render(int)} does.
     */
    default String render(int maxChars, String focus) {
        return render(maxChars);
    }

    /** Where the location is, if the surface has one (a page's URL, a window's title). */
    default String location() {
        return "";
    }

    /** The page's or window's title, if the surface has one. */
    default String title() {
        return "";
    }

    /** The numbered things a planner can name, in page order; empty where the surface has no such list. */
    default java.util.List<ObservedElement> elements() {
        return java.util.List.of();
    }

    /** What the surface knows about the element {@code target} points at and its form, if it can tell. */
    default java.util.Optional<TargetFacts> factsAbout(Target target) {
        return java.util.Optional.empty();
    }

    /**
     * Where the numbered elements in view show in {@link #screenshot()}, for drawing them on it; empty where the
     * surface cannot tell.
     */
    default java.util.List<Mark> marks() {
        return java.util.List.of();
    }

    /** A screenshot taken with this observation, if any. */
    default Optional<Path> screenshot() {
        return Optional.empty();
    }

    /** The observation before any surface is open. */
    Observation NONE = new Nothing();

    /** Nothing open yet. */
    record Nothing() implements Observation {
        @Override public String surface() { return "none"; }
        @Override public String render(int maxChars) { return "Nothing is open yet."; }
    }
}
