package dev.deft.desktop;

import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;

/**
 * The check before acting on the desktop: a thing found on the screen becomes a target that means that spot and
 * nothing else, with the words read at and around it, and the step's guard judges the action on it by those words.
 */
final class SpotCheck {
    /** How much wider than the spot its row is read, for the words at the spot's edges. */
    private static final int ROW_MARGIN = 200;

    private SpotCheck() {
    }

    /** A place on the screen as a target, and the words read at and around it. */
    record Spot(Target target, String words) {
    }

    /** The spot where {@code target} was sighted: a window stays the window it is; a place becomes its point. */
    static Spot spot(TextReader reader, TargetFinder.Sighting sighting, Target target) {
        Located at = sighting.located();
        if (at.window().isPresent()) {
            return new Spot(target, at.window().get().title());
        }
        if (target.primary() instanceof Locator.Focused) {
            return new Spot(target, sighting.look().window.map(DesktopWindow::title).orElse(""));
        }
        TargetFinder.Look look = sighting.look();
        Rectangle around = new Rectangle(at.box().x - DesktopActuator.AROUND_X, at.box().y - DesktopActuator.AROUND_Y,
                at.box().width + 2 * DesktopActuator.AROUND_X, at.box().height + 2 * DesktopActuator.AROUND_Y)
                .intersection(look.screenArea());
        // the row is read wider than the spot, so that a word the spot's edge cuts through is read whole
        Rectangle row = new Rectangle(around.x - ROW_MARGIN, around.y, around.width + 2 * ROW_MARGIN, around.height)
                .intersection(look.screenArea());
        String words = around.isEmpty() ? "" : String.join(" ", reader.words(look.image, row).stream()
                .filter(w -> w.box().intersects(around)).map(ScreenWord::text).toList()).strip();
        Target point = Target.of(new Locator.Point(at.point().x, at.point().y));
        return new Spot(words.isEmpty() ? point : point.or(new Locator.ScreenText(words)), words);
    }

    /** What the guard reads of the spots an action acts on: the words at each. */
    record SpotsSeen(List<Spot> spots) implements Observation {
        @Override
        public String surface() {
            return "desktop";
        }

        @Override
        public String render(int maxChars) {
            String text = String.join("; ", spots.stream().map(s -> s.target() + ": " + s.words()).toList());
            return text.length() <= maxChars ? text : text.substring(0, maxChars);
        }

        @Override
        public Optional<TargetFacts> factsAbout(Target target) {
            return spots.stream().filter(s -> s.target().equals(target) && !s.words().isBlank()).findFirst()
                    .map(s -> new TargetFacts("", s.words(), "", "", "", false, List.of()));
        }
    }
}
