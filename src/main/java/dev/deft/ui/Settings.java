package dev.deft.ui;

import java.util.List;

/**
 * What the Settings view edits. Blank text means "not chosen": Deft finds the browser, picks the model and uses
 * the default hotkeys itself.
 *
 * @param provider     {@code auto}, {@code ollama}, {@code openai} or {@code anthropic}
 * @param promptHotkey the chord that shows the prompt from anywhere
 * @param stopHotkey   the kill switch: stops a running task at once
 */
public record Settings(String provider, String model, String chromium, String chromedriver, String profile,
                       String promptHotkey, String stopHotkey, List<String> allowSites, List<String> denySites,
                       Theme theme) {
    public static final String PROMPT_HOTKEY = "ctrl+alt+space";
    public static final String STOP_HOTKEY = "ctrl+alt+escape";

    public Settings {
        provider = blankAs(provider, "auto");
        model = blankAs(model, "");
        chromium = blankAs(chromium, "");
        chromedriver = blankAs(chromedriver, "");
        profile = blankAs(profile, "");
        promptHotkey = blankAs(promptHotkey, PROMPT_HOTKEY);
        stopHotkey = blankAs(stopHotkey, STOP_HOTKEY);
        allowSites = hosts(allowSites);
        denySites = hosts(denySites);
        theme = theme == null ? Theme.SYSTEM : theme;
    }

    public static Settings defaults() {
        return new Settings("auto", "", "", "", "", PROMPT_HOTKEY, STOP_HOTKEY, List.of(), List.of(), Theme.SYSTEM);
    }

    public Settings withTheme(Theme chosen) {
        return new Settings(provider, model, chromium, chromedriver, profile, promptHotkey, stopHotkey, allowSites,
                denySites, chosen);
    }

    private static List<String> hosts(List<String> given) {
        return given == null ? List.of() : given.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    private static String blankAs(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
