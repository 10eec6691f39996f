package dev.deft.core;

import java.util.List;

/** The person's secrets — passwords, card numbers — kept encrypted; plans only ever name them. */
public interface Vault extends Secrets {

    /** Keeps {@code value} under {@code name}, replacing what was there. */
    void put(String name, String value);

    /** Forgets the secret; false when there was none by that name. */
    boolean remove(String name);

    /** The names of the secrets, sorted; never their values. */
    List<String> names();

    /** A valid secret name: letters, digits, dot, dash and underscore. */
    static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new DeftException.Configuration("A secret's name may hold only letters, digits, '.', '-' and '_'; "
                    + "\"" + name + "\" does not.");
        }
        return name;
    }
}
