package dev.deft.safety;

import dev.deft.core.DeftException;
import dev.deft.core.Secrets;
import dev.deft.core.Vault;
import java.util.List;

/** A vault that cannot be opened here: every use says why and what would open it. */
public record LockedVault(String why) implements Vault {

    @Override
    public String reveal(String text) {
        if (Secrets.hasPlaceholder(text)) {
            throw new DeftException.Configuration(why);
        }
        return text;
    }

    @Override
    public String mask(String text) {
        return text;
    }

    @Override
    public void put(String name, String value) {
        throw new DeftException.Configuration(why);
    }

    @Override
    public boolean remove(String name) {
        throw new DeftException.Configuration(why);
    }

    @Override
    public List<String> names() {
        throw new DeftException.Configuration(why);
    }
}
