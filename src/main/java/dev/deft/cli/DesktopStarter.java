package dev.deft.cli;

/** Starts the desktop app for {@code deft} with no arguments and returns its exit status once it is quit. */
@FunctionalInterface
public interface DesktopStarter {
    int start();

    /** A build without the window says so. */
    DesktopStarter NONE = () -> {
        throw new dev.deft.core.DeftException.Configuration("the desktop app is not part of this build; "
                + "run a request with: deft run \"REQUEST\" (see 'deft --help')");
    };
}
