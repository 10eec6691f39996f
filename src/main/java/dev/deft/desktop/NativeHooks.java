package dev.deft.desktop;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import dev.deft.core.DeftException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JNativeHook hook of the process, shared by whoever listens to the whole desktop (the hotkeys, a desktop
 * recording): taken by the first, let go by the last.
 */
final class NativeHooks {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(NativeHooks.class);
    private static int users;

    private NativeHooks() {
    }

    /**
     * @param why what the hook is for, for the message where the platform does not allow it
     * @throws DeftException.Configuration where the platform does not let Deft listen (no X server, no permission)
     */
    static synchronized void take(String why) {
        // JNativeHook logs every event at INFO through java.util.logging; only its warnings are of use
        Logger hookLog = Logger.getLogger(GlobalScreen.class.getPackage().getName());
        hookLog.setLevel(Level.WARNING);
        hookLog.setUseParentHandlers(false);
        try {
            if (users == 0 && !GlobalScreen.isNativeHookRegistered()) {
                DispatcherReset.forgetStopped();
                GlobalScreen.registerNativeHook();
            }
            users++;
        } catch (NativeHookException | UnsatisfiedLinkError e) {
            throw new DeftException.Configuration(why + " is not available here (" + e.getMessage() + ").", e);
        }
    }

    static synchronized void release() {
        if (users == 0) {
            return;
        }
        if (--users == 0) {
            try {
                GlobalScreen.unregisterNativeHook();
            } catch (NativeHookException e) {
                LOG.warn("Could not let go of the desktop hook: {}", e.toString());
            }
        }
    }

    /**
     * JNativeHook 2.2.2 shuts its event dispatcher down when the hook is let go, and registering again makes a new
     * one only where there is none: a hook taken again in the same process would hand every event to a stopped
     * dispatcher. Forgetting the stopped one lets registration make a fresh one.
     */
    private static final class DispatcherReset extends GlobalScreen {
        static void forgetStopped() {
            if (eventExecutor != null && eventExecutor.isShutdown()) {
                eventExecutor = null;
            }
        }
    }
}
