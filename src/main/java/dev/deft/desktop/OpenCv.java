package dev.deft.desktop;

import dev.deft.core.DeftException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sikuli.script.support.RunTime;

/**
 * OpenCV as SikuliX ships it: loaded once through SikuliX's own loader (so that Deft's matching and SikuliX's
 * {@code Screen.find} share one native library), and images turned into the grey matrices matching works on.
 */
final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {
    }

    static synchronized void load() {
        if (!loaded) {
            if (!RunTime.loadLibrary(RunTime.libOpenCV)) {
                throw new DeftException("SikuliX could not load OpenCV (" + RunTime.libOpenCV + "); see its log in ~/.Sikulix.");
            }
            loaded = true;
        }
    }

    /** The image in grey, one byte a pixel. */
    static Mat gray(BufferedImage image) {
        load();
        BufferedImage gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image
                : new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        if (gray != image) {
            java.awt.Graphics2D g = gray.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        Mat mat = new Mat(gray.getHeight(), gray.getWidth(), CvType.CV_8UC1);
        mat.put(0, 0, ((DataBufferByte) gray.getRaster().getDataBuffer()).getData());
        return mat;
    }

    /** A grey matrix back as an image. */
    static BufferedImage image(Mat gray) {
        BufferedImage image = new BufferedImage(gray.cols(), gray.rows(), BufferedImage.TYPE_BYTE_GRAY);
        gray.get(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        return image;
    }
}
