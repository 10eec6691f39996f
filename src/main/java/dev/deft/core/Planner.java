package dev.deft.core;

/** Turns a request, what the surface shows and what happened so far into what to do next. */
public interface Planner {

    /** The planner's name as events and the journal show it: {@code command}, {@code skill}, {@code llm}. */
    String name();

    Plan next(PlanContext context);
}
