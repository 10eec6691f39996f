package dev.deft.cli;

import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.Vault;

/** What the commands work on: runs and the journal, wired by the application. Closed by the command that opened it. */
public interface Workspace extends AutoCloseable {

    /**
     * Runs a request to its end.
     *
     * @throws dev.deft.core.DeftException.Configuration when the request cannot start as configured
     */
    RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control);

    /**
     * Runs a skill by name with parameter values (missing ones at their defaults).
     *
     * @param spec the run's choices: browser, approvals, limits; its request names the run in the journal
     * @throws dev.deft.core.DeftException.Configuration for an unknown skill or a missing or wrong value
     */
    default RunResult runSkill(String name, java.util.Map<String, String> values, RunSpec spec, ApprovalGate gate,
                               RunListener listener, RunControl control) {
        throw new dev.deft.core.DeftException.Configuration("This workspace keeps no skills.");
    }

    /** A recording under way: a visible browser in which a person does a task once. */
    interface Recording extends AutoCloseable {
        /** Whether the person closed the recording's browser window. */
        boolean browserClosed();

        /**
         * Stops watching and makes the skill from what the person did, without saving it yet: its parameters, each
         * with the value recorded as its example, for the person to review and rename.
         */
        java.util.List<dev.deft.core.SkillBook.Parameter> stop();

        /** Stops watching (if still) and saves the skill among the person's own, with parameters renamed as given. */
        dev.deft.core.SkillBook.Entry save(java.util.Map<String, String> names);

        /** Stops watching and saves what the person did as a skill among theirs. */
        default dev.deft.core.SkillBook.Entry save() {
            return save(java.util.Map.of());
        }

        /** Stops watching and keeps nothing. */
        @Override
        void close();
    }

    /**
     * Opens a visible browser on {@code startUrl} and watches a person do a task, to be saved as the skill {@code name}.
     *
     * @param examples phrasings that ask for the skill, with {@code {parameter}} slots named after the fields' labels
     */
    default Recording record(String name, String startUrl, java.util.List<String> examples) {
        throw new dev.deft.core.DeftException.Configuration("This workspace cannot record skills.");
    }

    /**
     * Watches the whole desktop while a person does a task, to be saved as the skill {@code name}.
     *
     * @param launch the application to start first (and the skill's first step), if the task starts with one
     */
    default Recording recordDesktop(String name, java.util.Optional<String> launch, java.util.List<String> examples) {
        throw new dev.deft.core.DeftException.Configuration("This workspace cannot record skills.");
    }

    /** The skills this workspace knows. */
    default dev.deft.core.SkillBook skills() {
        return dev.deft.core.SkillBook.NONE;
    }

    RunJournal journal();

    /** The person's secrets; locked (saying why) where no key is to be had. */
    Vault vault();

    /** The example requests of the bundled demo, in the order of its tour. */
    default java.util.List<String> demoRequests() {
        return java.util.List.of();
    }

    /**
     * Starts the bundled demo sites, if they are not running yet, and returns their address.
     *
     * @throws dev.deft.core.DeftException.Configuration where this workspace has no demo
     */
    default String startDemo() {
        throw new dev.deft.core.DeftException.Configuration("This workspace has no demo sites.");
    }

    /** Whether a browser window can be shown here; without one, browsers run headless. */
    default boolean canShowWindows() {
        return false;
    }

    @Override
    void close();

    /** Opens the workspace; throws {@link dev.deft.core.DeftException.Configuration} when it cannot. */
    @FunctionalInterface
    interface Opener {
        Workspace open();
    }
}
