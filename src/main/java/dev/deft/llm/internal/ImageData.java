package dev.deft.llm.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A screenshot file as providers want it: base64 and a media type. A file that cannot be read is left out. */
public record ImageData(String mediaType, String base64) {
    private static final Logger LOG = LoggerFactory.getLogger(ImageData.class);

    public static Optional<ImageData> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new ImageData(mediaType(file), Base64.getEncoder().encodeToString(bytes)));
        } catch (IOException e) {
            LOG.warn("Leaving out the screenshot {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        if (name.endsWith(".webp")) return "image/webp";
        if (name.endsWith(".gif")) return "image/gif";
        return "image/png";
    }

    public String dataUrl() {
        return "data:" + mediaType + ";base64," + base64;
    }
}
