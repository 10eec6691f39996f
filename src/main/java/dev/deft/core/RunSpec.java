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
        return builder(request).build();
    }

    /** A run of {@code request}, every choice left to Deft until said otherwise. */
    public static Builder builder(String request) {
        return new Builder(request);
    }

    /** This run with some choices changed. */
    public Builder toBuilder() {
        Builder builder = new Builder(request).planner(planner).maxSteps(maxSteps).surface(surface)
                .headless(headless).incognito(incognito);
        provider.ifPresent(builder::provider);
        model.ifPresent(builder::model);
        startUrl.ifPresent(builder::startUrl);
        browser.ifPresent(builder::browser);
        grid.ifPresent(builder::grid);
        profile.ifPresent(builder::profile);
        return builder;
    }

    /** The choices of a run, each with Deft's default until set. */
    public static final class Builder {
        private final String request;
        private PlannerChoice planner = PlannerChoice.AUTO;
        private Optional<String> provider = Optional.empty();
        private Optional<String> model = Optional.empty();
        private int maxSteps = RunLimits.defaults().maxSteps();
        private SurfaceChoice surface = SurfaceChoice.AUTO;
        private Optional<String> startUrl = Optional.empty();
        private boolean headless;
        private Optional<String> browser = Optional.empty();
        private Optional<String> grid = Optional.empty();
        private Optional<Path> profile = Optional.empty();
        private boolean incognito;

        private Builder(String request) {
            this.request = request;
        }

        public Builder planner(PlannerChoice choice) {
            this.planner = choice;
            return this;
        }

        public Builder provider(String name) {
            this.provider = Optional.ofNullable(name);
            return this;
        }

        public Builder model(String name) {
            this.model = Optional.ofNullable(name);
            return this;
        }

        public Builder maxSteps(int steps) {
            this.maxSteps = steps;
            return this;
        }

        public Builder surface(SurfaceChoice choice) {
            this.surface = choice;
            return this;
        }

        /** Where the browser starts; none to let the request say. */
        public Builder startUrl(String url) {
            this.startUrl = Optional.ofNullable(url);
            return this;
        }

        public Builder headless(boolean on) {
            this.headless = on;
            return this;
        }

        /** A Chromium-family browser by name or path. */
        public Builder browser(String nameOrPath) {
            this.browser = Optional.ofNullable(nameOrPath);
            return this;
        }

        /** A Selenium Grid's address. */
        public Builder grid(String address) {
            this.grid = Optional.ofNullable(address);
            return this;
        }

        /** The browser profile folder to keep logins in; none for the default one. */
        public Builder profile(Path folder) {
            this.profile = Optional.ofNullable(folder);
            return this;
        }

        /** A throw-away profile: nothing of the run is kept. */
        public Builder incognito(boolean on) {
            this.incognito = on;
            return this;
        }

        /** @throws IllegalArgumentException for choices that do not go together, or no steps at all */
        public RunSpec build() {
            return new RunSpec(request, planner, provider, model, maxSteps, surface, startUrl, headless, browser, grid,
                    profile, incognito);
        }
    }
}
