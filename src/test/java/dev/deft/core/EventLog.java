package dev.deft.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener for tests that keeps every event. */
public final class EventLog implements RunListener {
    public final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(RunEvent event) {
        events.add(event);
    }

    public List<String> names() {
        return events.stream().map(RunEvent::name).toList();
    }

    public <T extends RunEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
