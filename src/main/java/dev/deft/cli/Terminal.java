package dev.deft.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Where the command reads and writes. {@code interactive} says whether a person is there to answer a question:
 * without one, approvals are refused.
 */
public record Terminal(BufferedReader in, PrintWriter out, PrintWriter err, boolean interactive) {

    /** The process's own standard streams; interactive when it has a console. */
    public static Terminal system() {
        Charset charset = Charset.defaultCharset();
        return new Terminal(new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset),
                System.console() != null);
    }

    /** A line typed without echo where there is a console, else the next line of input; empty at the end of input. */
    public java.util.Optional<String> readHidden(String prompt) {
        java.io.Console console = interactive ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null || typed.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(new String(typed));
        }
        try {
            String line = in.readLine();
            return line == null || line.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(line);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }
}
