package dev.deft.app;

import dev.deft.browser.BrowserSettings;
import dev.deft.ui.Readiness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The first run's checks: the browser and driver Deft would start, the display it would use, and the model. */
final class SetupChecks implements Readiness {
    private final Map<String, String> env;
    private final ConfigFile settings;

    SetupChecks(Map<String, String> env, ConfigFile settings) {
        this.env = Map.copyOf(env);
        this.settings = settings;
    }

    @Override
    public List<Item> check() {
        return List.of(
                found("Browser", BrowserSettings::installedBrowser, "Deft drives it for tasks on the web."),
                found("Driver", BrowserSettings::installedDriver, "Selenium talks to the browser through it."),
                display(),
                model());
    }

    @Override
    public String demoRequest() {
        return DemoTour.REQUESTS.get(1);
    }

    private Item found(String what, Function<Map<String, String>, Path> find, String role) {
        try {
            return new Item(what, true, find.apply(env) + ": " + role);
        } catch (RuntimeException e) {
            return new Item(what, false, e.getMessage());
        }
    }

    private Item display() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new Item("Display", true, "The desktop of this session: Deft sees and acts on its windows.");
        }
        String x = env.getOrDefault("DISPLAY", "");
        String wayland = env.getOrDefault("WAYLAND_DISPLAY", "");
        if (!x.isBlank() || !wayland.isBlank()) {
            return new Item("Display", true, (x.isBlank() ? "Wayland " + wayland : "X display " + x)
                    + ": Deft sees and acts on the desktop's windows there.");
        }
        return new Item("Display", false, "No display is set (DISPLAY): web tasks still run, headless; "
                + "desktop tasks need one.");
    }

    private Item model() {
        ModelCheck.Answer answer;
        try {
            answer = settings.checkSavedModel();
        } catch (RuntimeException e) {
            answer = new ModelCheck.Answer(false, "The model could not be asked: " + e.getMessage() + ".");
        }
        return new Item("Model", answer.reachable(), answer.reachable() ? answer.line()
                : answer.line() + " Typed commands and skills work without one.");
    }
}
