package dev.deft.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Map;

/** Light or dark, or whichever the desktop says it prefers. */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    /** Whether this choice is dark on a desktop whose environment is {@code env}. */
    public boolean isDark(Map<String, String> env) {
        return switch (this) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> prefersDark(env);
        };
    }

    /** GTK desktops say so in GTK_THEME ("Adwaita:dark"); a desktop that says nothing gets the light theme. */
    static boolean prefersDark(Map<String, String> env) {
        String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        return gtk.contains(":dark") || gtk.endsWith("-dark");
    }

    /** The AtlantaFX stylesheet that every window of the application takes. */
    String stylesheet(Map<String, String> env) {
        return isDark(env) ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    public String label() {
        return switch (this) {
            case SYSTEM -> "Follow the system";
            case LIGHT -> "Light";
            case DARK -> "Dark";
        };
    }
}
