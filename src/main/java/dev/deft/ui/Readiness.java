package dev.deft.ui;

import java.util.List;

/** What Deft needs around it, checked for the welcome a person sees on the first run. */
public interface Readiness {

    /** The browser, its driver, the display and the model, each checked now. Slow (it asks the model): off the FX thread. */
    List<Item> check();

    /** A request that shows Deft at work on its demo sites, for the welcome's Try the demo. */
    String demoRequest();

    /**
     * @param what   what was checked: "Browser", "Driver", "Display", "Model"
     * @param ready  whether it is there and works
     * @param detail what was found, or what is missing and what to do about it
     */
    record Item(String what, boolean ready, String detail) {
    }
}
