package dev.deft.desktop;

import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.Require;
import dev.deft.core.Stopped;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the platform's helper programs ({@code wmctrl}, {@code xdotool}, {@code xwininfo}) with a time limit
 * and answers with what it printed. Text to send goes through standard input, never the command line, so that a
 * typed secret does not show in the process list.
 */
final class HostCommand {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private HostCommand() {
    }

    /** Whether {@code program} is an executable on the PATH. */
    static boolean installed(String program) {
        return onPath(program).isPresent();
    }

    static Optional<Path> onPath(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the command and returns its standard output; a failure or a non-zero exit is a {@link DeftException}. */
    static String run(List<String> command) {
        return run(command, null);
    }

    /** As {@link #run(List)}, writing {@code input} to the command's standard input. */
    static String run(List<String> command, String input) {
        return run(command, input, false);
    }

    /**
     * As {@link #run(List, String)}, but a stop lets the command finish first and is thrown after: killing
     * {@code xdotool} between a key's press and its release would leave the key held down on the X server.
     */
    static String runToEnd(List<String> command, String input) {
        return run(command, input, true);
    }

    private static String run(List<String> command, String input, boolean toEnd) {
        Require.nonNull(command, "command");
        String name = command.get(0);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DeftException(name + " could not be started (" + e.getMessage() + "); install it and try again.", e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the program quit before reading its input; its exit status says why
            }
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DeftException(name + " did not answer within " + LIMIT.toSeconds() + " s.");
            }
            String printed = output.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new DeftException(name + " failed with status " + process.exitValue() + ": " + Brief.firstLine(printed, ""));
            }
            return printed;
        } catch (InterruptedException e) {
            if (toEnd) {
                finish(process);
            }
            throw Stopped.from(e, "waiting for " + name);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new DeftException("Could not read what " + name + " printed: " + e.getMessage(), e);
        } finally {
            process.destroy();
        }
    }

    /** Waits for the process to end, however often interrupted, up to the limit. */
    private static void finish(Process process) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException again) {
                // still stopping: the interrupt is restored by the caller
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
