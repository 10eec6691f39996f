package dev.deft.core;

/**
 * Where a numbered element shows in an observation's screenshot, as fractions of the screenshot's width and height
 * (so that the device's pixel ratio does not matter): what a set-of-marks drawing outlines and numbers for a model
 * that reads images.
 */
public record Mark(int number, double left, double top, double width, double height) {
    public Mark {
        Require.positive(number, "number");
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("a mark needs a size, was " + width + " × " + height);
        }
    }
}
