package dev.deft.cli;

import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run started from the command line, as {@code deft run} and {@code deft skills run} share it: approvals asked
 * at the terminal (or refused where no one can answer), events printed, Ctrl+C and a shutdown stopping the run
 * before its next action, and the exit status from how it ended.
 */
final class TerminalRun {

    enum ApproveMode { ASK, DENY }

    /** What to run, given the workspace and what the session set up. */
    @FunctionalInterface
    interface Start {
        RunResult run(Workspace workspace, ApprovalGate gate, RunListener printer, RunControl control);
    }

    private TerminalRun() {
    }

    static int run(CliContext context, boolean json, ApproveMode approve, Start start) {
        Terminal terminal = context.terminal();
        RunListener printer = json ? new JsonEventPrinter(terminal.out()) : new TextEventPrinter(terminal.out());
        try (Workspace workspace = context.opener().open()) {
            RunControl control = new RunControl();
            CountDownLatch ended = new CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                control.cancel("Deft was asked to stop");
                awaitQuietly(ended);
            }, "deft-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try (CtrlC ctrlC = CtrlC.stops(control)) {
                return exitStatus(start.run(workspace, gate(context, approve), printer, control));
            } finally {
                ended.countDown();
                removeQuietly(stopper);
            }
        }
    }

    /** The person at the terminal, or a refusal saying why no one can be asked. */
    static ApprovalGate gate(CliContext context, ApproveMode approve) {
        Terminal terminal = context.terminal();
        return approve == ApproveMode.DENY ? new RefusingApprovalGate("--approve deny", context.clock())
                : terminal.interactive() ? new TerminalApprovalGate(terminal, context.clock())
                : new RefusingApprovalGate("nobody (no terminal or window to ask)", context.clock());
    }

    static int exitStatus(RunResult result) {
        return switch (result.status()) {
            case DONE -> DeftCli.DONE;
            case REJECTED -> DeftCli.REJECTED;
            default -> DeftCli.FAILED;
        };
    }

    private static void awaitQuietly(CountDownLatch ended) {
        try {
            ended.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: the JVM is exiting
        }
    }
}
