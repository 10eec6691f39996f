package dev.deft.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The lab's sign-up task, a new episode on every load: other values to enter, and the form's fields, ids, classes and
 * decoys shuffled, as MiniWoB's tasks do. Which episode comes next can be asked first, so that a replay can be given
 * its values; each submission is checked against its episode.
 */
public final class SignUpEpisodes {
    static final List<String> PLANS = List.of("Basic", "Pro", "Team");
    private static final List<String> FIRST = List.of("Ada", "Bram", "Chiara", "Dev", "Elif", "Femi", "Greta", "Hiro",
            "Ines", "Jonas", "Kaito", "Lena", "Mateo", "Nia", "Omar", "Priya");
    private static final List<String> LAST = List.of("Okafor", "Lindqvist", "Moreau", "Sato", "Kowalski", "Haddad",
            "Nguyen", "Fischer", "Alvarez", "Reddy", "Brennan", "Costa");

    /** What one episode asks for. */
    public record Episode(int number, String name, String email, String plan, @JsonProperty("layout") long layoutSeed) {
    }

    /** How a submission of an episode went. */
    public record Result(int episode, boolean success, String problem) {
    }

    private final Random random = new Random(20261123);
    private final List<Result> results = new ArrayList<>();
    private Episode pending;
    private Episode shown;
    private int count;

    /** The episode the next page load shows, made now if none is waiting. */
    public synchronized Episode next() {
        if (pending == null) {
            count++;
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            pending = new Episode(count, first + " " + last, (first + "." + last + random.nextInt(100)).toLowerCase()
                    + "@example.org", PLANS.get(random.nextInt(PLANS.size())), random.nextLong());
        }
        return pending;
    }

    /** The episode a page load shows: the one waiting, which is then no longer waiting. */
    synchronized Episode show() {
        shown = next();
        pending = null;
        return shown;
    }

    synchronized Result submit(Map<String, String> form) {
        Episode episode = shown;
        String problem = episode == null ? "no episode was shown"
                : !String.valueOf(episode.number()).equals(form.get("episode")) ? "an old episode's form was sent"
                : !episode.name().equals(form.getOrDefault("name", "").strip()) ? "the name was " + form.get("name")
                : !episode.email().equalsIgnoreCase(form.getOrDefault("email", "").strip()) ? "the email was " + form.get("email")
                : !episode.plan().equals(form.get("plan")) ? "the plan was " + form.get("plan")
                : !"true".equals(form.get("agreed")) ? "the terms were not agreed to" : "";
        Result result = new Result(episode == null ? 0 : episode.number(), problem.isEmpty(), problem);
        results.add(result);
        shown = null;
        return result;
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }
}
