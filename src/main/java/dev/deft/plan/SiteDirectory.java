package dev.deft.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sites a person may name without their address, such as the bundled demo's "shop". */
public interface SiteDirectory {

    /** The address of the site called {@code name}, if there is one. */
    Optional<String> addressOf(String name);

    /** The names this directory knows, in lower case. */
    Set<String> names();

    SiteDirectory NONE = of(Map.of());

    static SiteDirectory of(Map<String, String> addresses) {
        Map<String, String> copy = Map.copyOf(addresses);
        return new SiteDirectory() {
            @Override public Optional<String> addressOf(String name) { return Optional.ofNullable(copy.get(name)); }
            @Override public Set<String> names() { return copy.keySet(); }
        };
    }
}
