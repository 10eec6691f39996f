package dev.deft.ui;

import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.SkillBook;
import java.util.List;
import java.util.Map;

/** The skills as the window offers them: the book, a run of one with the values of its form, and recording a new one. */
public interface SkillShelf {

    /** How a secret parameter's value is written in a run's title and request: never as given. */
    String SECRET_SHOWN = "(a secret)";

    /** Whether {@code parameter} of {@code skill} takes a secret. */
    static boolean isSecret(SkillBook.Entry skill, String parameter) {
        return skill.parameters().stream().anyMatch(p -> p.name().equals(parameter) && p.type().equals("secret"));
    }

    SkillBook book();

    /**
     * Runs the named skill to its end on the calling thread (the window calls it from the run thread).
     *
     * @throws dev.deft.core.DeftException when it cannot start: an unknown skill, a missing or wrong value
     */
    RunResult run(String skill, Map<String, String> values, ApprovalGate gate, RunListener listener, RunControl control);

    /**
     * Opens a visible browser on {@code startUrl} and watches a person do a task, to become the skill {@code name}.
     *
     * @throws dev.deft.core.DeftException when the name is not usable or the browser does not start
     */
    Recording record(String name, String startUrl);

    /** A recording under way. */
    interface Recording extends AutoCloseable {
        /** Stops watching; the parameters the skill would have, each with the recorded value as its example. */
        List<SkillBook.Parameter> stop();

        /** Saves the skill among the person's own, with its parameters renamed as {@code names} says (old to new). */
        SkillBook.Entry save(Map<String, String> names);

        /** Stops watching and keeps nothing. */
        @Override
        void close();
    }
}
