package dev.deft.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skills Deft knows, for the command line, the window and MCP: the built-in ones and a person's own. Failures are
 * {@link DeftException.Configuration}s with a one-line message.
 */
public interface SkillBook {

    /** A skill as a list or a form shows it. */
    record Entry(String name, String description, List<String> examples, List<Parameter> parameters, int steps,
                 String source, boolean builtIn) {
        public Entry {
            examples = List.copyOf(examples);
            parameters = List.copyOf(parameters);
        }
    }

    /** A parameter a run of the skill fills: {@code type} is text, number, date, choice or secret. */
    record Parameter(String name, String type, boolean required, String example, List<String> choices) {
        public Parameter {
            choices = List.copyOf(choices);
            example = example == null ? "" : example;
        }
    }

    /**
     * A skill ready to run: its steps as actions with the run's values put in.
     *
     * @param values the parameters' values as the run uses them (a secret as its placeholder)
     */
    record Prepared(String skill, int revision, Map<String, String> values, List<Action> steps) {
        public Prepared {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            steps = List.copyOf(steps);
        }
    }

    /** The skills that loaded, by name; a person's own skill hides a built-in one of the same name. */
    List<Entry> skills();

    /** The skill files that did not load, each as {@code PATH: the first problem}. */
    List<String> problems();

    Optional<Entry> find(String name);

    /** The skill's file as JSON text. */
    Optional<String> show(String name);

    /** Copies a skill file into the person's skills, after checking it; returns what was added. */
    Entry importFile(Path file);

    /** Writes the skill's file to {@code file}. */
    void export(String name, Path file);

    /**
     * The skill a request asks for, with the parameters the request gives filled in and the others at their
     * defaults; empty when no skill's examples fit the request well enough, or two fit it equally well.
     */
    Optional<Prepared> match(String request);

    /**
     * The named skill with {@code values} (by parameter name; missing ones at their defaults).
     *
     * @throws DeftException.Configuration for an unknown skill, a missing required value or a value of the wrong type
     */
    Prepared prepare(String name, Map<String, String> values);

    /**
     * Replaces one step of a skill (0-based) by {@code action}, found when the recorded step no longer worked, and
     * keeps the skill as a new revision; the old revision is kept beside it.
     */
    void repair(String name, int step, Action action);

    /**
     * Renames a parameter of a skill, in its examples and steps too, and keeps the skill as a new revision (a built-in
     * skill becomes one of the person's own, which hides it). Returns the skill as it is now.
     */
    Entry renameParameter(String skill, String from, String to);

    /** Deletes one of the person's own skills; built-in skills cannot be deleted. Returns whether one was there. */
    boolean delete(String name);

    SkillBook NONE = new SkillBook() {
        @Override
        public List<Entry> skills() {
            return List.of();
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        @Override
        public Optional<Entry> find(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> show(String name) {
            return Optional.empty();
        }

        @Override
        public Entry importFile(Path file) {
            throw new DeftException.Configuration("This workspace keeps no skills.");
        }

        @Override
        public void export(String name, Path file) {
            throw new DeftException.Configuration("This workspace keeps no skills.");
        }

        @Override
        public boolean delete(String name) {
            return false;
        }

        @Override
        public Entry renameParameter(String skill, String from, String to) {
            throw new DeftException.Configuration("There is no skill named " + skill + ".");
        }

        @Override
        public Optional<Prepared> match(String request) {
            return Optional.empty();
        }

        @Override
        public Prepared prepare(String name, Map<String, String> values) {
            throw new DeftException.Configuration("There is no skill named " + name + ".");
        }

        @Override
        public void repair(String name, int step, Action action) {
            throw new DeftException.Configuration("This workspace keeps no skills.");
        }
    };
}
