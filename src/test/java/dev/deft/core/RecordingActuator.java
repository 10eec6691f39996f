package dev.deft.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An actuator written for tests: it handles clicks, typing and key presses on a pretend surface, asks its guard about
 * what each action's target comes to there (itself, unless a test said it resolves to something else), records every
 * action that got past the guard, and answers with outcomes the test queues (done, by default).
 */
public class RecordingActuator implements Actuator {
    public final List<Action> performed = new CopyOnWriteArrayList<>();
    private final Deque<Function<Action, Outcome>> answers = new ArrayDeque<>();
    private final Map<Target, Target> resolves = new ConcurrentHashMap<>();
    public final CountDownLatch started = new CountDownLatch(1);
    public volatile boolean closed;

    /** The next call answers with {@code answer}; later calls after the queue is empty are done. */
    public RecordingActuator then(Function<Action, Outcome> answer) {
        answers.add(answer);
        return this;
    }

    /** On this pretend surface, what {@code named} names is found to be {@code found}, as a changed page does. */
    public RecordingActuator resolving(Target named, Target found) {
        resolves.put(named, found);
        return this;
    }

    /** The next call blocks until it is interrupted, like a hung page. */
    public RecordingActuator thenHang() {
        return then(action -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.failed("interrupted");
        });
    }

    @Override
    public String surface() {
        return "test";
    }

    @Override
    public boolean handles(Action action) {
        return action instanceof Action.Click || action instanceof Action.Type || action instanceof Action.PressKey;
    }

    @Override
    public Observation observe() {
        return new Observation() {
            @Override public String surface() { return "test"; }
            @Override public String render(int maxChars) { return "a test page after " + performed.size() + " actions"; }
        };
    }

    @Override
    public Outcome perform(Action action, ActGuard guard) {
        Action bound = action.target().map(t -> action.withTarget(resolves.getOrDefault(t, t))).orElse(action);
        Optional<Outcome> instead = guard.admit(Resolution.of(bound, observe()));
        if (instead.isPresent()) {
            return instead.get();
        }
        performed.add(bound);
        started.countDown();
        Function<Action, Outcome> answer;
        synchronized (answers) {
            answer = answers.poll();
        }
        return answer == null ? Outcome.done("did " + action.kind()) : answer.apply(bound);
    }

    @Override
    public void close() {
        closed = true;
    }
}
