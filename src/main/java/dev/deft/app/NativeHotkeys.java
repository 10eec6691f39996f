package dev.deft.app;

import dev.deft.core.DeftException;
import dev.deft.desktop.HotkeyHook;
import dev.deft.ui.Hotkeys;

/** The desktop's JNativeHook hook as the window's {@link Hotkeys}; where it cannot start, none, saying why. */
final class NativeHotkeys implements Hotkeys {
    private final HotkeyHook hook;

    private NativeHotkeys(HotkeyHook hook) {
        this.hook = hook;
    }

    static Hotkeys start() {
        try {
            return new NativeHotkeys(HotkeyHook.start());
        } catch (DeftException e) {
            return Hotkeys.none(e.getMessage());
        }
    }

    @Override
    public void bind(String chord, Runnable action) {
        hook.bind(chord, action);
    }

    @Override
    public void unbindAll() {
        hook.unbindAll();
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public void close() {
        hook.close();
    }
}
