package dev.deft.ui;

/** Where the window's Settings are kept (config.json), and the one check that needs the outside world. */
public interface SettingsStore {

    /** @throws dev.deft.core.DeftException.Configuration when the file cannot be read */
    Settings load();

    /**
     * Keeps the settings, for this and every later start; runs from now on use them.
     *
     * @throws dev.deft.core.DeftException.Configuration when they cannot be kept, saying why in one line
     */
    void save(Settings settings);

    /** Whether the model these settings choose answers: one line, either way. Slow; never on the FX thread. */
    String testModel(Settings settings);
}
