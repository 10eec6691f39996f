package dev.deft.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/** Deft's icon at the sizes window managers and trays ask for. */
final class AppIcon {
    private static final List<Integer> SIZES = List.of(16, 32, 64, 128, 256);

    private AppIcon() {
    }

    private static List<Image> images;

    /** Read once; the toolkit's start reads them while it waits for the platform. */
    static synchronized List<Image> images() {
        if (images == null) {
            images = SIZES.stream().map(size -> new Image(Objects.requireNonNull(resource(size)).toExternalForm()))
                    .toList();
        }
        return images;
    }

    static java.net.URL resource(int size) {
        return AppIcon.class.getResource("/dev/deft/ui/icon-" + size + ".png");
    }
}
