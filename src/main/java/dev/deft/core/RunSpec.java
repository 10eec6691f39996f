package dev.deft.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A request as the person asked for it, with the choices the command line (or the window) lets them make.
 */
public record RunSpec(String request, PlannerChoice planner, Optional<String> provider, Optional<String> model,
                      int maxSteps, SurfaceChoice surface, Optional<String> startUrl, boolean headless,
                      Optional<String> browser, Optional<String> grid, Optional<Path> profile, boolean incognito) {

    public enum PlannerChoice { AUTO, COMMAND, SKILL, LLM }

    public enum SurfaceChoice { AUTO, BROWSER, DESKTOP }

    public RunSpec {
        Require.nonNull(request, "request");
        planner = planner == null ? PlannerChoice.AUTO : planner;
        provider = provider == null ? Optional.empty() : provider;
        model = model == null ? Optional.empty() : model;
        Require.positive(maxSteps, "maxSteps");
        surface = surface == null ? SurfaceChoice.AUTO : surface;
        startUrl = startUrl == null ? Optional.empty() : startUrl;
        browser = browser == null ? Optional.empty() : browser;
        grid = grid == null ? Optional.empty() : grid;
        profile = profile == null ? Optional.empty() : profile;
        if (incognito && profile.isPresent()) {
            throw new IllegalArgumentException("a run takes --profile or --incognito, not both");
        }
    }

    /** A request with every choice left to Deft. */
    public static RunSpec of(String request) {
        return new RunSpec(request, PlannerChoice.AUTO, Optional.empty(), Optional.empty(),
                RunLimits.defaults().maxSteps(), SurfaceChoice.AUTO, Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }
}
