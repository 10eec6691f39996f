package dev.deft.core;

import java.time.Duration;

/** Waits between tries; injected so that tests run on fake time. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real one. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
