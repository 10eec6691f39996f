package dev.deft.desktop;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Global hotkeys through JNativeHook: a chord pressed anywhere on the desktop runs its action, on the hook's own
 * thread. The process's one hook is shared with a desktop recording ({@link NativeHooks}); closing lets go of it.
 */
public final class HotkeyHook implements AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(HotkeyHook.class);

    private final Map<HotkeyChord, Runnable> bound = new ConcurrentHashMap<>();
    private final NativeKeyListener listener = new NativeKeyListener() {
        @Override
        public void nativeKeyPressed(NativeKeyEvent event) {
            bound.forEach((chord, action) -> {
                if (chord.matches(event.getKeyCode(), event.getModifiers())) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        LOG.error("The action of hotkey {} failed", chord, e);
                    }
                }
            });
        }
    };

    private HotkeyHook() {
    }

    /**
     * Takes the keyboard's global events.
     *
     * @throws dev.deft.core.DeftException.Configuration where the platform does not let Deft listen (no X server, no permission)
     */
    public static HotkeyHook start() {
        NativeHooks.take("The global hotkey hook");
        HotkeyHook hook = new HotkeyHook();
        GlobalScreen.addNativeKeyListener(hook.listener);
        return hook;
    }

    /**
     * Runs {@code action} whenever {@code chord} ({@code ctrl+alt+space}) is pressed.
     *
     * @throws dev.deft.core.DeftException.Configuration when the chord cannot be read
     */
    public void bind(String chord, Runnable action) {
        bound.put(HotkeyChord.parse(chord), action);
    }

    /** Forgets every chord. */
    public void unbindAll() {
        bound.clear();
    }

    @Override
    public void close() {
        bound.clear();
        GlobalScreen.removeNativeKeyListener(listener);
        NativeHooks.release();
    }
}
