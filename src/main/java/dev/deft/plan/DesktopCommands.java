package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.Locator;
import dev.deft.core.Outcome;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.PlannedAction;
import dev.deft.core.Require;
import dev.deft.core.RunSpec;
import dev.deft.core.StepResult;
import dev.deft.core.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command planner's grammar for desktop work, one clause or several joined by commas or "then":
 * {@code open the calculator}, {@code launch mousepad}, {@code switch to Mousepad}, {@code click "7"},
 * {@code double-click "notes.txt"}, {@code click at 120,300}, {@code click image ok.png},
 * {@code type "hello" in the editor}, {@code press ctrl+s}, {@code scroll down 5}, {@code wait for "Save As"},
 * {@code drag "a.txt" to "Trash"}, {@code read the display}. With {@code --surface auto} a request is desktop work
 * when it names an installed application or an open window.
 */
public final class DesktopCommands {
    private static final String QUOTED = "[\"'](?<%s>[^\"']*)[\"']";
    private static final String WINDOW = "(?:\\s+(?:in|into|on)\\s+(?:the\\s+)?(?<window>.+?)(?:\\s+window)?)?";
    private static final Pattern LAUNCH = clause(
            "(?:open|launch|start|run)\\s+(?:up\\s+)?(?:the\\s+|a\\s+|an\\s+|my\\s+)?(?<app>.+?)(?:\\s+(?:app|application|program))?");
    private static final Pattern FOCUS = clause(
            "(?:switch\\s+to|focus(?:\\s+on)?|activate|bring\\s+up|go\\s+to)\\s+(?:the\\s+)?(?<window>.+?)(?:\\s+window)?");
    private static final Pattern CLICK = clause("(?<how>double[- ]?click|right[- ]?click|click)(?:\\s+on)?\\s+(?<what>.+)");
    private static final Pattern AT = clause("(?:at\\s+)?\\(?\\s*(?<x>\\d+)\\s*,\\s*(?<y>\\d+)\\s*\\)?");
    private static final Pattern IMAGE = clause("(?:the\\s+)?image\\s+(?<path>\\S+?\\.png)");
    private static final Pattern TYPE = clause("(?:type|write|enter)\\s+" + QUOTED.formatted("text") + WINDOW);
    private static final Pattern PRESS = clause("(?:press|hit)\\s+(?<keys>\\S+)" + WINDOW);
    private static final Pattern SCROLL = clause("scroll\\s+(?<direction>up|down|left|right)(?:\\s+(?<amount>\\d+))?");
    private static final Pattern WAIT = clause("wait\\s+(?:for|until)\\s+" + QUOTED.formatted("text")
            + "(?:\\s+(?<state>shows|appears|is shown|goes away|disappears|vanishes|is gone))?");
    private static final Pattern DRAG = clause("drag\\s+" + QUOTED.formatted("from") + "\\s+(?:to|onto)\\s+" + QUOTED.formatted("to"));
    private static final Pattern READ = clause("(?:read|show me|what does)\\s+(?:the\\s+)?"
            + "(?<what>display|screen|window|result|text)(?:\\s+(?:of|in)\\s+(?:the\\s+)?(?<window>.+?)(?:\\s+window)?)?(?:\\s+say)?\\??");
    private static final Duration WAIT_TIMEOUT = Duration.ofSeconds(15);

    private final RunSpec.SurfaceChoice surface;
    private final Predicate<String> installedApplication;
    private final Predicate<String> openWindow;

    /**
     * @param surface              where the person said to act; {@code AUTO} lets the request's names decide
     * @param installedApplication whether words name an installed application
     * @param openWindow           whether words name a window that is open
     */
    public DesktopCommands(RunSpec.SurfaceChoice surface, Predicate<String> installedApplication,
                           Predicate<String> openWindow) {
        this.surface = Require.nonNull(surface, "surface");
        this.installedApplication = Require.nonNull(installedApplication, "installedApplication");
        this.openWindow = Require.nonNull(openWindow, "openWindow");
    }

    /** Whether the request is desktop work: {@code --surface desktop}, or it names an application or a window. */
    public boolean claims(String request) {
        if (surface != RunSpec.SurfaceChoice.AUTO) {
            return surface == RunSpec.SurfaceChoice.DESKTOP;
        }
        for (String clause : clauses(request)) {
            Matcher launch = LAUNCH.matcher(clause);
            if (launch.matches() && installedApplication.test(launch.group("app"))) {
                return true;
            }
            for (Pattern named : List.of(FOCUS, TYPE, PRESS, READ)) {
                Matcher m = named.matcher(clause);
                if (m.matches() && m.group("window") != null
                        && (openWindow.test(m.group("window")) || installedApplication.test(m.group("window")))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The actions the request asks for, if every clause of it is one this grammar knows. */
    public Optional<Plan> plan(String request) {
        List<PlannedAction> actions = new ArrayList<>();
        for (String clause : clauses(request)) {
            Optional<Action> action = action(clause);
            if (action.isEmpty()) {
                return Optional.empty();
            }
            actions.add(new PlannedAction(action.get()));
        }
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plan.Act(actions, actions.size() == 1 ? "One desktop step." : actions.size()
                + " desktop steps, in order.", 0));
    }

    /**
     * The next plan of a desktop run: every clause's action at once, then the end, with what was read last (or the
     * failure that stopped it).
     */
    public Plan next(PlanContext context) {
        String request = context.request().strip();
        if (context.history().isEmpty()) {
            return plan(request).orElseGet(() -> Plan.giveUp(help(request)));
        }
        StepResult last = context.history().get(context.history().size() - 1);
        if (!last.outcome().succeeded()) {
            return Plan.giveUp("Could not " + last.action().describe().toLowerCase(Locale.ROOT) + ": "
                    + last.outcome().detail());
        }
        String summary = last.outcome() instanceof Outcome.Done done && done.value().isPresent()
                ? done.value().get() : "Done: " + last.action().describe() + ".";
        return Plan.act("The request is done.", Action.Finish.done(summary));
    }

    /** What to say when a desktop request is beyond this grammar. */
    public static String help(String request) {
        return "I did not understand \"" + request + "\" as desktop work: the built-in planner knows requests like "
                + "open the calculator, click \"7\", type \"hello\" in the editor, press ctrl+s, read the display "
                + "(several joined by commas or \"then\"); configure a language model for anything else.";
    }

    static Optional<Action> action(String clause) {
        Matcher m;
        if ((m = TYPE.matcher(clause)).matches()) {
            return Optional.of(new Action.Type(windowOrFocus(m.group("window")), m.group("text"), false));
        }
        if ((m = PRESS.matcher(clause)).matches()) {
            Optional<Target> in = Optional.ofNullable(m.group("window")).map(w -> Target.of(new Locator.Window(w)));
            return Optional.of(new Action.PressKey(in, m.group("keys")));
        }
        if ((m = CLICK.matcher(clause)).matches()) {
            return Optional.of(new Action.Click(thing(m.group("what")), button(m.group("how"))));
        }
        if ((m = DRAG.matcher(clause)).matches()) {
            return Optional.of(new Action.Drag(Target.of(new Locator.ScreenText(m.group("from"))),
                    Target.of(new Locator.ScreenText(m.group("to")))));
        }
        if ((m = SCROLL.matcher(clause)).matches()) {
            int amount = m.group("amount") == null ? 0 : Integer.parseInt(m.group("amount"));
            return Optional.of(new Action.Scroll(Optional.empty(),
                    Action.Scroll.Direction.valueOf(m.group("direction").toUpperCase(Locale.ROOT)), amount));
        }
        if ((m = WAIT.matcher(clause)).matches()) {
            String state = m.group("state") == null ? "shows" : m.group("state").toLowerCase(Locale.ROOT);
            boolean gone = state.contains("away") || state.contains("disappears") || state.contains("vanishes")
                    || state.contains("gone");
            Condition condition = gone ? new Condition.TextGone(m.group("text")) : new Condition.TextShown(m.group("text"));
            return Optional.of(new Action.WaitFor(condition, WAIT_TIMEOUT));
        }
        if ((m = READ.matcher(clause)).matches()) {
            return Optional.of(new Action.Extract(Optional.of(windowOrFocus(m.group("window"))), Action.Extract.What.TEXT));
        }
        if ((m = FOCUS.matcher(clause)).matches()) {
            return Optional.of(new Action.FocusWindow(m.group("window")));
        }
        if ((m = LAUNCH.matcher(clause)).matches()) {
            return Optional.of(new Action.Launch(m.group("app")));
        }
        return Optional.empty();
    }

    private static Target windowOrFocus(String window) {
        return window == null ? Target.of(new Locator.Focused()) : Target.of(new Locator.Window(window));
    }

    private static Target thing(String what) {
        Matcher m;
        if ((m = AT.matcher(what)).matches()) {
            return Target.of(new Locator.Point(Integer.parseInt(m.group("x")), Integer.parseInt(m.group("y"))));
        }
        if ((m = IMAGE.matcher(what)).matches()) {
            return Target.of(new Locator.Image(m.group("path"), 0.9, 0, 0));
        }
        String text = what.strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1);
        } else {
            text = text.replaceFirst("(?i)^the\\s+", "").replaceFirst("(?i)\\s+button$", "");
        }
        return Target.of(new Locator.ScreenText(text));
    }

    private static Action.Click.Button button(String how) {
        String h = how.toLowerCase(Locale.ROOT);
        return h.startsWith("double") ? Action.Click.Button.DOUBLE : h.startsWith("right") ? Action.Click.Button.RIGHT
                : Action.Click.Button.LEFT;
    }

    /** The request's clauses: split at commas, semicolons and "then", but never inside quotes. */
    static List<String> clauses(String request) {
        String text = request.strip().replace('“', '"').replace('”', '"').replaceAll("[.!]$", "");
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ',' && !betweenDigits(text, i) || c == ';')) {
                add(clauses, current);
                continue;
            }
            if (!quoted && c == ' ' && startsWord(text, i + 1, "then")) {
                add(clauses, current);
                i += "then".length();
                continue;
            }
            current.append(c);
        }
        add(clauses, current);
        return clauses;
    }

    /** {@code 120,300}: a comma inside coordinates does not end a clause. */
    private static boolean betweenDigits(String text, int comma) {
        int next = comma + 1;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return comma > 0 && Character.isDigit(text.charAt(comma - 1)) && next < text.length()
                && Character.isDigit(text.charAt(next));
    }

    private static boolean startsWord(String text, int at, String word) {
        return text.regionMatches(true, at, word, 0, word.length())
                && (at + word.length() == text.length() || text.charAt(at + word.length()) == ' ');
    }

    private static void add(List<String> clauses, StringBuilder current) {
        String clause = current.toString().strip().replaceFirst("(?i)^(and\\s+)?(then\\s+)?", "").strip();
        if (!clause.isEmpty()) {
            clauses.add(clause);
        }
        current.setLength(0);
    }

    private static Pattern clause(String regex) {
        return Pattern.compile("^" + regex + "$", Pattern.CASE_INSENSITIVE);
    }
}
