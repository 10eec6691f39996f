package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailSafeTest {
    private final Point[] pointer = {new Point(500, 500)};
    private final List<String> stops = new ArrayList<>();
    private final FailSafe failSafe = new FailSafe(() -> pointer[0], () -> new Rectangle(0, 0, 1920, 1080), stops::add);

    @Test
    void thePointerThrownIntoACornerStopsTheRunOnceAndEveryInputAfter() {
        failSafe.check();
        pointer[0] = new Point(1919, 1079);

        assertThatThrownBy(failSafe::check).isInstanceOf(FailSafe.Tripped.class).hasMessageContaining("bottom-right corner");
        pointer[0] = new Point(400, 400);
        assertThatThrownBy(failSafe::check).isInstanceOf(FailSafe.Tripped.class);
        assertThat(stops).hasSize(1);
    }

    @Test
    void aCornerDeftPutThePointerInIsNotASignal() {
        failSafe.check();
        failSafe.placed(new Point(0, 0));
        pointer[0] = new Point(0, 0);

        assertThatCode(failSafe::check).doesNotThrowAnyException();
    }

    @Test
    void wherethePointerRestedWhenDeftStartedIsNotASignal() {
        pointer[0] = new Point(0, 1079);

        assertThatCode(failSafe::check).doesNotThrowAnyException();
        assertThat(stops).isEmpty();
    }

    @Test
    void nearTheEdgeButNotInACornerIsFine() {
        failSafe.check();
        pointer[0] = new Point(0, 500);

        assertThatCode(failSafe::check).doesNotThrowAnyException();
    }
}
