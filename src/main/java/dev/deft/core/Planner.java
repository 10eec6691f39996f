package dev.deft.core;

/** Turns a request, what the surface shows and what happened so far into what to do next. */
public interface Planner {

    /** The planner's name as events and the journal show it: {@code command}, {@code skill}, {@code llm}. */
    String name();

    /** The skill this planner replays, when it knows it before the run starts; the journal counts its runs. */
    default java.util.Optional<String> skill() {
        return java.util.Optional.empty();
    }

    Plan next(PlanContext context);
}
