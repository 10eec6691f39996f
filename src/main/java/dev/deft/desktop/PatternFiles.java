package dev.deft.desktop;

import dev.deft.core.DeftException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.opencv.core.Mat;

/** Pattern images read once (again when the file changes) and kept in grey; relative paths are under a folder. */
final class PatternFiles {
    private final Path folder;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    /** @param folder where relative pattern paths point, such as a skill's folder */
    PatternFiles(Path folder) {
        this.folder = folder;
    }

    Path resolve(String path) {
        Path file = Path.of(path);
        return file.isAbsolute() ? file : folder.resolve(file).toAbsolutePath().normalize();
    }

    Mat gray(String path) {
        Path file = resolve(path);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new DeftException("The pattern image " + file + " does not exist; record it again or fix its path.");
        }
        Loaded known = loaded.get(file);
        if (known != null && known.modified().equals(modified)) {
            return known.gray();
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DeftException("The pattern image " + file + " could not be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DeftException("The pattern image " + file + " is not an image Java can read; save it as PNG.");
        }
        Mat gray = OpenCv.gray(image);
        PatternFinder.requireDetail(gray, file.getFileName().toString());
        loaded.put(file, new Loaded(modified, gray));
        return gray;
    }

    private record Loaded(FileTime modified, Mat gray) {
    }
}
