package dev.deft.core;

import java.nio.file.Path;
import java.util.Map;
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

    /** Where the location is, if the surface has one (a page's URL, a window's title). */
    default String location() {
        return "";
    }

    /**
     * The elements {@link #render(int)} numbers, by number, each with its accessible name or visible text (empty
     * when it has none). A planner may act on these numbers only, and adds the name to the target so that the risk
     * policy sees what the element says. Empty where the surface numbers nothing.
     */
    default Map<Integer, String> numberedElements() {
        return Map.of();
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
