package dev.deft.ui;

import dev.deft.core.RunJournal;
import dev.deft.core.Vault;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the window is given by the application: how to run a request, the skills, the journal, the settings, the
 * vault, the global hotkeys, the first run's checks, the clock and the environment (for the desktop's theme).
 */
public record UiServices(Runs runs, SkillShelf skills, RunJournal journal, SettingsStore settings,
                         Supplier<Vault> vault, Hotkeys hotkeys, Readiness readiness, Clock clock,
                         Map<String, String> env) {
    public UiServices {
        env = Map.copyOf(env);
    }
}
