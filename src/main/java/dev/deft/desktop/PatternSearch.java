package dev.deft.desktop;

/** What one search for a pattern in one area came to. */
public sealed interface PatternSearch {

    /** The best score seen anywhere in the area, at any scale. */
    double bestScore();

    /** Seen once, clearly. */
    record Found(PatternMatch match) implements PatternSearch {
        @Override public double bestScore() { return match.score(); }
    }

    /** Seen in two places, nearly as alike: acting on either could be wrong. */
    record Ambiguous(PatternMatch first, PatternMatch second) implements PatternSearch {
        @Override public double bestScore() { return first.score(); }
    }

    /** Not seen at the similarity asked for. */
    record Missing(double bestScore) implements PatternSearch {
    }
}
