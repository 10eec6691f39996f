package dev.deft.desktop;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import dev.deft.core.DeftException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global hotkeys through JNativeHook: a chord pressed anywhere on the desktop runs its action, on the hook's own
 * thread. One hook per process; closing it lets go of the keyboard.
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
     * @throws DeftException.Configuration where the platform does not let Deft listen (no X server, no permission)
     */
    public static HotkeyHook start() {
        // JNativeHook logs every key at INFO through java.util.logging; only its warnings are of use
        Logger.getLogger(GlobalScreen.class.getPackage().getName()).setLevel(Level.WARNING);
        Logger.getLogger(GlobalScreen.class.getPackage().getName()).setUseParentHandlers(false);
        try {
            if (!GlobalScreen.isNativeHookRegistered()) {
                DispatcherReset.forgetStopped();
                GlobalScreen.registerNativeHook();
            }
        } catch (NativeHookException | UnsatisfiedLinkError e) {
            throw new DeftException.Configuration("Global hotkeys are not available here (" + e.getMessage()
                    + "); open the prompt from the window instead.", e);
        }
        HotkeyHook hook = new HotkeyHook();
        GlobalScreen.addNativeKeyListener(hook.listener);
        return hook;
    }

    /**
     * Runs {@code action} whenever {@code chord} ({@code ctrl+alt+space}) is pressed.
     *
     * @throws DeftException.Configuration when the chord cannot be read
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
        try {
            GlobalScreen.unregisterNativeHook();
        } catch (NativeHookException e) {
            LOG.warn("Could not let go of the keyboard hook: {}", e.toString());
        }
    }

    /**
     * JNativeHook 2.2.2 shuts its event dispatcher down when the hook is let go, and registering again makes a new
     * one only where there is none: a hook started again in the same process (the app reopened) would hand every
     * key to a stopped dispatcher. Forgetting the stopped one lets registration make a fresh one.
     */
    private static final class DispatcherReset extends GlobalScreen {
        static void forgetStopped() {
            if (eventExecutor != null && eventExecutor.isShutdown()) {
                eventExecutor = null;
            }
        }
    }
}
