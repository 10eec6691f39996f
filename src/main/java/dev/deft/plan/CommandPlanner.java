package dev.deft.plan;

import dev.deft.core.Action;
import dev.deft.core.Plan;
import dev.deft.core.PlanContext;
import dev.deft.core.Planner;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planner that needs no model: it understands a small grammar of plain requests and says honestly when a
 * request is beyond it. For now: finishing a run, asking the person, opening an address, and the desktop work
 * {@link DesktopCommands} knows.
 */
public final class CommandPlanner implements Planner {

    private static final Pattern FINISH = Pattern.compile(
            "^(?:finish|done|stop|end)(?:\\s+(?:with|saying)\\s+\"?(?<summary>.+?)\"?)?[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASK = Pattern.compile("^ask me\\s+\"?(?<question>.+?)\"?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPEN = Pattern.compile(
            "^(?:open|go to|visit|navigate to|browse to)\\s+(?<url>(?:https?://)?"
                    + "(?:localhost|\\d{1,3}(?:\\.\\d{1,3}){3}|[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,})(?::\\d+)?(?:/\\S*)?)$",
            Pattern.CASE_INSENSITIVE);

    private final java.util.Optional<DesktopCommands> desktop;

    /** A planner for the browser's grammar alone. */
    public CommandPlanner() {
        this.desktop = java.util.Optional.empty();
    }

    /** A planner that hands desktop requests (as {@code desktop} tells them) to the desktop grammar. */
    public CommandPlanner(DesktopCommands desktop) {
        this.desktop = java.util.Optional.of(desktop);
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public Plan next(PlanContext context) {
        String request = context.request().strip();
        if (context.last().isPresent()) {
            var last = context.last().get();
            return last.outcome().succeeded()
                    ? Plan.act("The request is done.", Action.Finish.done(doneSummary(last)))
                    : Plan.giveUp("Could not " + last.action().describe().toLowerCase(Locale.ROOT) + ": "
                    + last.outcome().detail());
        }
        if (desktop.isPresent() && desktop.get().claims(request)) {
            return desktop.get().plan(request).orElseGet(() -> Plan.giveUp(DesktopCommands.help(request)));
        }
        Matcher finish = FINISH.matcher(request);
        if (finish.matches()) {
            String summary = finish.group("summary");
            return Plan.act("Finish, as asked.", Action.Finish.done(summary == null ? "Done, as asked." : summary));
        }
        Matcher ask = ASK.matcher(request);
        if (ask.matches()) {
            return Plan.act("Ask the person.", new Action.AskUser(ask.group("question")));
        }
        Matcher open = OPEN.matcher(request);
        if (open.matches()) {
            String url = open.group("url");
            return Plan.act("Open the address.", new Action.OpenUrl(url.contains("://") ? url : "https://" + url));
        }
        return Plan.giveUp("I did not understand \"" + request + "\": the built-in planner knows only simple "
                + "commands; configure a language model (see docs/MODELS.md) or record a skill for this.");
    }

    private static String doneSummary(dev.deft.core.StepResult last) {
        if (last.outcome() instanceof dev.deft.core.Outcome.Done done && done.value().isPresent()) {
            return done.value().get();
        }
        return "Done: " + last.action().describe() + ".";
    }
}
