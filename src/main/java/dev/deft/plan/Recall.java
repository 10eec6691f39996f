package dev.deft.plan;

import dev.deft.core.ObservedElement;
import java.util.List;
import java.util.Optional;

/**
 * What a run has named and read so far, for the words that point back: "click on their address" (the thing found
 * before), "type that into the box" (the word read before). One per run.
 */
final class Recall {
    private ObservedElement named;
    private String read;

    /** The thing named last, as the page shows it now; none once it has left the page. */
    Optional<ObservedElement> named(List<ObservedElement> now) {
        if (named == null) {
            return Optional.empty();
        }
        return now.stream().filter(e -> e.number() == named.number()).findFirst();
    }

    void named(ObservedElement element) {
        named = element;
    }

    Optional<String> read() {
        return Optional.ofNullable(read);
    }

    void read(String value) {
        read = value;
    }
}
