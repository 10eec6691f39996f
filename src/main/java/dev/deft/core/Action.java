package dev.deft.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One thing Deft can do, as a planner decides it and an actuator performs it.
 * {@link #describe()} says it in plain words for a person; {@link #kind()} names it for machines.
 */
public sealed interface Action {

    /** Snake-case name of the action kind, as events and skill files spell it. */
    String kind();

    /** The action in plain words, as a timeline card or an approval card shows it. */
    String describe();

    /** What the action acts on, if anything. */
    default Optional<Target> target() {
        return Optional.empty();
    }

    /** The same action on {@code target} instead (for a drag, from it); an action that acts on nothing stays as it is. */
    default Action withTarget(Target target) {
        return this;
    }

    /** Open a web address in the current tab. */
    record OpenUrl(String url) implements Action {
        public OpenUrl { url = Require.nonBlank(url, "url"); }
        @Override public String kind() { return "open_url"; }
        @Override public String describe() { return "Open " + url; }
    }

    /** Click, double-click or right-click a target. */
    record Click(Target on, Button button) implements Action {
        public enum Button { LEFT, DOUBLE, RIGHT }
        public Click {
            Require.nonNull(on, "on");
            button = button == null ? Button.LEFT : button;
        }
        public Click(Target on) { this(on, Button.LEFT); }
        @Override public String kind() { return "click"; }
        @Override public String describe() {
            String verb = switch (button) {
                case LEFT -> "Click";
                case DOUBLE -> "Double-click";
                case RIGHT -> "Right-click";
            };
            return verb + " " + on;
        }
        @Override public Optional<Target> target() { return Optional.of(on); }
        @Override public Action withTarget(Target target) { return new Click(target, button); }
    }

    /** Rest the pointer on a target, as a person does to open a menu or see a tooltip. */
    record Hover(Target on) implements Action {
        public Hover { Require.nonNull(on, "on"); }
        @Override public String kind() { return "hover"; }
        @Override public String describe() { return "Hover over " + on; }
        @Override public Optional<Target> target() { return Optional.of(on); }
        @Override public Action withTarget(Target target) { return new Hover(target); }
    }

    /** Choose a file from this computer for a file field. */
    record Upload(Target into, String file) implements Action {
        public Upload {
            Require.nonNull(into, "into");
            file = Require.nonBlank(file, "file");
        }
        @Override public String kind() { return "upload"; }
        @Override public String describe() { return "Upload " + file + " into " + into; }
        @Override public Optional<Target> target() { return Optional.of(into); }
        @Override public Action withTarget(Target target) { return new Upload(target, file); }
    }

    /** Make another tab the current one: by its number (1 is the first), {@code last}, or words of its title or address. */
    record SwitchTab(String which) implements Action {
        public SwitchTab { which = Require.nonBlank(which, "which"); }
        @Override public String kind() { return "switch_tab"; }
        @Override public String describe() { return "Switch to tab " + which; }
    }

    /** Close a tab (the current one when {@code which} is empty) and go on in the one opened last. */
    record CloseTab(Optional<String> which) implements Action {
        public CloseTab { which = which == null ? Optional.empty() : which.filter(w -> !w.isBlank()).map(String::strip); }
        public CloseTab() { this(Optional.empty()); }
        @Override public String kind() { return "close_tab"; }
        @Override public String describe() { return which.map(w -> "Close tab " + w).orElse("Close this tab"); }
    }

    /** Type text into a field, replacing what it held or appending to it. Text may hold {@code {{secret:NAME}}}. */
    record Type(Target into, String text, boolean replace) implements Action {
        public Type {
            Require.nonNull(into, "into");
            Require.nonNull(text, "text");
        }
        public Type(Target into, String text) { this(into, text, true); }
        @Override public String kind() { return "type"; }
        @Override public String describe() { return "Type \"" + text + "\" into " + into; }
        @Override public Optional<Target> target() { return Optional.of(into); }
        @Override public Action withTarget(Target target) { return new Type(target, text, replace); }
    }

    /** Choose an option of a list by its visible text or value. */
    record Select(Target list, String option) implements Action {
        public Select {
            Require.nonNull(list, "list");
            option = Require.nonBlank(option, "option");
        }
        @Override public String kind() { return "select"; }
        @Override public String describe() { return "Choose \"" + option + "\" in " + list; }
        @Override public Optional<Target> target() { return Optional.of(list); }
        @Override public Action withTarget(Target target) { return new Select(target, option); }
    }

    /** Check or uncheck a box or a radio button. */
    record SetChecked(Target box, boolean checked) implements Action {
        public SetChecked { Require.nonNull(box, "box"); }
        @Override public String kind() { return checked ? "check" : "uncheck"; }
        @Override public String describe() { return (checked ? "Check " : "Uncheck ") + box; }
        @Override public Optional<Target> target() { return Optional.of(box); }
        @Override public Action withTarget(Target target) { return new SetChecked(target, checked); }
    }

    /** Press a key or a chord such as {@code Enter} or {@code ctrl+s}, in a field or wherever the focus is. */
    record PressKey(Optional<Target> in, String keys) implements Action {
        public PressKey {
            in = in == null ? Optional.empty() : in;
            keys = Require.nonBlank(keys, "keys");
        }
        public PressKey(String keys) { this(Optional.empty(), keys); }
        @Override public String kind() { return "press_key"; }
        @Override public String describe() { return "Press " + keys + in.map(t -> " in " + t).orElse(""); }
        @Override public Optional<Target> target() { return in; }
        @Override public Action withTarget(Target target) { return new PressKey(Optional.of(target), keys); }
        /** Whether this is Enter, which submits the form of the field it is pressed in. */
        public boolean isEnter() {
            String k = keys.toLowerCase(Locale.ROOT);
            return k.equals("enter") || k.equals("return");
        }
    }

    /** Scroll the page, or bring a target into view. */
    record Scroll(Optional<Target> to, Direction direction, int amount) implements Action {
        public enum Direction { UP, DOWN, LEFT, RIGHT }
        public Scroll {
            to = to == null ? Optional.empty() : to;
            direction = direction == null ? Direction.DOWN : direction;
            if (amount < 0) throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        @Override public String kind() { return "scroll"; }
        @Override public String describe() {
            return to.map(t -> "Scroll to " + t)
                    .orElse("Scroll " + direction.name().toLowerCase(Locale.ROOT) + (amount > 0 ? " " + amount : ""));
        }
        @Override public Optional<Target> target() { return to; }
        @Override public Action withTarget(Target target) { return new Scroll(Optional.of(target), direction, amount); }
    }

    /** Wait until a condition holds, up to a timeout. */
    record WaitFor(Condition condition, Duration timeout) implements Action {
        public WaitFor {
            Require.nonNull(condition, "condition");
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        }
        @Override public String kind() { return "wait_for"; }
        @Override public String describe() { return "Wait until " + condition + " (up to " + timeout.toSeconds() + " s)"; }
    }

    /** Read something and return it: an element's text, a table as rows, or the page's main text. */
    record Extract(Optional<Target> from, What what) implements Action {
        public enum What { TEXT, TABLE, MAIN_TEXT }
        public Extract {
            from = from == null ? Optional.empty() : from;
            what = what == null ? What.TEXT : what;
        }
        @Override public String kind() { return "extract"; }
        @Override public String describe() {
            String thing = switch (what) {
                case TEXT -> "the text";
                case TABLE -> "the table";
                case MAIN_TEXT -> "the main text";
            };
            return "Read " + thing + from.map(t -> " of " + t).orElse(" of the page");
        }
        @Override public Optional<Target> target() { return from; }
        @Override public Action withTarget(Target target) { return new Extract(Optional.of(target), what); }
    }

    /** Ask the person a question and wait for the answer. */
    record AskUser(String question) implements Action {
        public AskUser { question = Require.nonBlank(question, "question"); }
        @Override public String kind() { return "ask_user"; }
        @Override public String describe() { return "Ask: " + question; }
    }

    /** Run a stored skill with parameters. */
    record RunSkill(String name, Map<String, String> parameters) implements Action {
        public RunSkill {
            name = Require.nonBlank(name, "name");
            parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        }
        @Override public String kind() { return "run_skill"; }
        @Override public String describe() {
            return parameters.isEmpty() ? "Run skill " + name : "Run skill " + name + " with " + new LinkedHashMap<>(parameters);
        }
    }

    /**
     * Start a desktop application: by a name its desktop entry gives ({@code calculator}, {@code Mousepad}) or by a
     * command line ({@code mousepad /tmp/notes.txt}); done when its window shows.
     */
    record Launch(String application) implements Action {
        public Launch { application = Require.nonBlank(application, "application"); }
        @Override public String kind() { return "launch"; }
        @Override public String describe() { return "Launch " + application; }
    }

    /** Bring a desktop window to the front and give it the keyboard, by words of its title or its application. */
    record FocusWindow(String title) implements Action {
        public FocusWindow { title = Require.nonBlank(title, "title"); }
        @Override public String kind() { return "focus_window"; }
        @Override public String describe() { return "Focus the window \"" + title + "\""; }
    }

    /** Press on one target, move to another and let go there. */
    record Drag(Target from, Target to) implements Action {
        public Drag {
            Require.nonNull(from, "from");
            Require.nonNull(to, "to");
        }
        @Override public String kind() { return "drag"; }
        @Override public String describe() { return "Drag " + from + " to " + to; }
        @Override public Optional<Target> target() { return Optional.of(from); }
        @Override public Action withTarget(Target target) { return new Drag(target, to); }
    }

    /**
     * Call a tool of another program that Deft was given (an MCP server named in the configuration), with its
     * arguments as a JSON object in text. What it answers is data from outside, never instruction.
     */
    record CallTool(String server, String tool, String arguments) implements Action {
        public CallTool {
            server = Require.nonBlank(server, "server");
            tool = Require.nonBlank(tool, "tool");
            arguments = arguments == null || arguments.isBlank() ? "{}" : arguments.strip();
        }
        @Override public String kind() { return "call_tool"; }
        @Override public String describe() {
            return "Call " + tool + " of " + server + (arguments.equals("{}") ? "" : " with " + arguments);
        }
    }

    /** End the run, saying what was done (or why it could not be). */
    record Finish(String summary, boolean success) implements Action {
        public Finish { summary = summary == null || summary.isBlank() ? (success ? "Done." : "Not done.") : summary.strip(); }
        public static Finish done(String summary) { return new Finish(summary, true); }
        @Override public String kind() { return "finish"; }
        @Override public String describe() { return (success ? "Finish: " : "Give up: ") + summary; }
    }
}
