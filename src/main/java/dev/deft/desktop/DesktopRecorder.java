package dev.deft.desktop;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.RecordedStep;
import dev.deft.core.Target;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.slf4j.LoggerFactory;

/**
 * Watches a person work a desktop application through global mouse and keyboard events (JNativeHook): each click
 * keeps a picture of the screen around it (an image patch to find it by again) and the text there (read by OCR when
 * the recording ends); typing is merged into one step; Enter, Escape, Tab and chords are steps of their own.
 */
public final class DesktopRecorder implements AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DesktopRecorder.class);
    /** The patch kept around a click, in pixels: enough to tell a button from its neighbours. */
    private static final int PATCH_WIDTH = 44;
    private static final int PATCH_HEIGHT = 30;
    /** The area read for the text at a click. */
    private static final int TEXT_WIDTH = 60;
    private static final int TEXT_HEIGHT = 34;

    private sealed interface Event {
    }

    private record Click(int x, int y, BufferedImage around, Rectangle where) implements Event {
    }

    private record Typed(char character) implements Event {
    }

    private record Chord(String keys) implements Event {
    }

    private final DesktopScreen screen = new DesktopScreen();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Optional<String> launched;
    private boolean closed;
    private final NativeMouseListener mouse = new NativeMouseListener() {
        @Override
        public void nativeMousePressed(NativeMouseEvent e) {
            if (e.getButton() == NativeMouseEvent.BUTTON1) {
                clicked(e.getX(), e.getY());
            }
        }
    };
    private final NativeKeyListener keys = new NativeKeyListener() {
        @Override
        public void nativeKeyPressed(NativeKeyEvent e) {
            pressed(e);
        }

        @Override
        public void nativeKeyTyped(NativeKeyEvent e) {
            char c = e.getKeyChar();
            boolean chord = (e.getModifiers() & (NativeKeyEvent.CTRL_MASK | NativeKeyEvent.ALT_MASK | NativeKeyEvent.META_MASK)) != 0;
            if (!chord && c != NativeKeyEvent.CHAR_UNDEFINED && !Character.isISOControl(c)) {
                events.add(new Typed(c));
            }
        }
    };

    private DesktopRecorder(Optional<String> launched) {
        this.launched = launched;
    }

    /**
     * Starts listening to the whole desktop.
     *
     * @param launched the application the task starts by launching, if it does
     * @throws DeftException.Configuration where the platform does not let Deft listen
     */
    public static DesktopRecorder start(Optional<String> launched) {
        NativeHooks.take("Watching the desktop for a recording");
        DesktopRecorder recorder = new DesktopRecorder(launched);
        GlobalScreen.addNativeMouseListener(recorder.mouse);
        GlobalScreen.addNativeKeyListener(recorder.keys);
        return recorder;
    }

    /** How many things the person did so far: clicks (once their picture is kept), characters typed and keys. */
    public int eventsSeen() {
        return events.size();
    }

    private void clicked(int x, int y) {
        try {
            BufferedImage shot = screen.capture();
            Rectangle where = new Rectangle(x - TEXT_WIDTH / 2, y - TEXT_HEIGHT / 2, TEXT_WIDTH, TEXT_HEIGHT)
                    .intersection(new Rectangle(0, 0, shot.getWidth(), shot.getHeight()));
            BufferedImage around = copy(shot, where);
            events.add(new Click(x, y, around, where));
        } catch (RuntimeException e) {
            LOG.warn("Could not take the picture at a click: {}", e.toString());
            events.add(new Click(x, y, null, new Rectangle(x, y, 1, 1)));
        }
    }

    private void pressed(NativeKeyEvent e) {
        String key = switch (e.getKeyCode()) {
            case NativeKeyEvent.VC_ENTER -> "Enter";
            case NativeKeyEvent.VC_ESCAPE -> "Escape";
            case NativeKeyEvent.VC_TAB -> "Tab";
            case NativeKeyEvent.VC_BACKSPACE -> "BackSpace";
            case NativeKeyEvent.VC_DELETE -> "Delete";
            default -> "";
        };
        int modifiers = e.getModifiers();
        boolean ctrl = (modifiers & NativeKeyEvent.CTRL_MASK) != 0;
        boolean alt = (modifiers & NativeKeyEvent.ALT_MASK) != 0;
        if ((ctrl || alt) && key.isEmpty()) {
            String text = NativeKeyEvent.getKeyText(e.getKeyCode());
            if (text.length() == 1 && Character.isLetterOrDigit(text.charAt(0))) {
                key = text.toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (!key.isEmpty()) {
            events.add(new Chord((ctrl ? "ctrl+" : "") + (alt ? "alt+" : "") + key));
        }
    }

    /**
     * Stops listening and returns the steps. Pictures of the clicks are written to {@code images} (as
     * {@code click-N.png}, which the steps name relative to that folder); the text at each click is read now.
     *
     * @param dropLast how many of the last key presses to leave out: the one that stopped the recording
     */
    public List<RecordedStep> stop(Path images, int dropLast) {
        close();
        List<Event> seen = new ArrayList<>(events);
        for (int i = seen.size() - 1; i >= 0 && dropLast > 0; i--) {
            if (seen.get(i) instanceof Chord) {
                seen.remove(i);
                dropLast--;
            }
        }
        List<RecordedStep> steps = new ArrayList<>();
        launched.ifPresent(app -> steps.add(new RecordedStep(new Action.Launch(app), "", false)));
        TextReader reader = new TextReader();
        StringBuilder typing = new StringBuilder();
        int clicks = 0;
        for (Event event : seen) {
            if (event instanceof Typed typed) {
                typing.append(typed.character());
                continue;
            }
            if (typing.length() > 0) {
                steps.add(typed(typing.toString()));
                typing.setLength(0);
            }
            if (event instanceof Chord chord) {
                steps.add(new RecordedStep(new Action.PressKey(chord.keys()), "", false));
            } else if (event instanceof Click click) {
                steps.add(new RecordedStep(new Action.Click(target(click, ++clicks, images, reader)), "", false));
            }
        }
        if (typing.length() > 0) {
            steps.add(typed(typing.toString()));
        }
        return steps;
    }

    private static RecordedStep typed(String text) {
        return new RecordedStep(new Action.Type(Target.of(new Locator.Focused()), text, false), "", false);
    }

    /** The click's patch first, then the text there, then the point itself as the last resort. */
    private static Target target(Click click, int number, Path images, TextReader reader) {
        List<Locator> locators = new ArrayList<>();
        if (click.around() != null) {
            Rectangle patch = new Rectangle(click.x() - PATCH_WIDTH / 2 - click.where().x,
                    click.y() - PATCH_HEIGHT / 2 - click.where().y, PATCH_WIDTH, PATCH_HEIGHT)
                    .intersection(new Rectangle(0, 0, click.around().getWidth(), click.around().getHeight()));
            String file = "click-" + number + ".png";
            write(copy(click.around(), patch), images.resolve(file));
            int offsetX = click.x() - (click.where().x + patch.x + patch.width / 2);
            int offsetY = click.y() - (click.where().y + patch.y + patch.height / 2);
            locators.add(new Locator.Image(file, 0.8, offsetX, offsetY));
            try {
                String text = reader.text(click.around(), new Rectangle(0, 0, click.around().getWidth(),
                        click.around().getHeight())).strip();
                if (!text.isEmpty() && text.length() <= 24 && !text.contains("\n")) {
                    locators.add(new Locator.ScreenText(text));
                }
            } catch (RuntimeException e) {
                LOG.debug("No text read at click {}: {}", number, e.toString());
            }
        }
        locators.add(new Locator.Point(Math.max(0, click.x()), Math.max(0, click.y())));
        return new Target(locators);
    }

    private static BufferedImage copy(BufferedImage image, Rectangle area) {
        BufferedImage copy = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(image.getSubimage(area.x, area.y, area.width, area.height), 0, 0, null);
        return copy;
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the picture of a click in " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        GlobalScreen.removeNativeMouseListener(mouse);
        GlobalScreen.removeNativeKeyListener(keys);
        NativeHooks.release();
    }
}
