package dev.deft.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step's time goes: times every WebDriver command (one HTTP round trip to chromedriver) through Selenium's own
 * command log, named by command and, for scripts, by the page library's function. Run:
 * {@code bench/run StepProfile [ROUNDS]}: the same rounds as {@link StepOverheadBench}, then a table per side.
 */
public final class StepProfile {
    private static final Pattern FUNCTION = Pattern.compile("__deftLib\\.(\\w+)");

    /** Milliseconds and counts per command name, for the side being measured. */
    static final class Tally extends Handler {
        private final Map<String, double[]> byCommand = new TreeMap<>();
        private final Map<Thread, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Thread, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean on;

        @Override
        public void publish(LogRecord record) {
            if (!on || record.getParameters() == null || record.getParameters().length < 2) {
                return;
            }
            String message = record.getMessage();
            Thread thread = Thread.currentThread();
            if (message.startsWith("Executing")) {
                names.put(thread, name(String.valueOf(record.getParameters()[0]), String.valueOf(record.getParameters()[1])));
                started.put(thread, System.nanoTime());
            } else if (message.startsWith("Executed")) {
                Long from = started.remove(thread);
                String name = names.remove(thread);
                if (from != null) {
                    double[] t = byCommand.computeIfAbsent(name, k -> new double[2]);
                    t[0] += (System.nanoTime() - from) / 1e6;
                    t[1]++;
                }
            }
        }

        private static String name(String command, String args) {
            if (!command.startsWith("execute")) {
                return command;
            }
            Matcher m = FUNCTION.matcher(args);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            if (last != null && !last.equals("version")) {
                return command + ":" + last;
            }
            return command + ":" + (args.length() > 40 ? args.substring(0, 40).replace('\n', ' ') : args);
        }

        void reset() {
            byCommand.clear();
        }

        Map<String, double[]> snapshot() {
            return new LinkedHashMap<>(byCommand);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Held so that the logger, and the level set on it, is not collected (java.util.logging keeps loggers weakly). */
    private static final Logger SELENIUM_COMMANDS = Logger.getLogger("org.openqa.selenium.remote.RemoteWebDriver");

    static Tally install() {
        Logger log = SELENIUM_COMMANDS;
        log.setLevel(Level.FINE);
        log.setUseParentHandlers(false);
        Tally tally = new Tally();
        tally.setLevel(Level.ALL);
        log.addHandler(tally);
        return tally;
    }

    static void print(String side, Map<String, double[]> tally, int steps, double wallMs) {
        double sum = tally.values().stream().mapToDouble(t -> t[0]).sum();
        double calls = tally.values().stream().mapToDouble(t -> t[1]).sum();
        System.out.printf(Locale.ROOT, "%n%s: %.1f ms/step wall, %.1f ms/step in %.1f WebDriver calls/step, %.1f ms/step"
                + " elsewhere%n", side, wallMs / steps, sum / steps, calls / steps, (wallMs - sum) / steps);
        tally.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-44s %5.2f calls/step %6.1f ms/step %6.1f ms/call%n",
                        e.getKey(), e.getValue()[1] / steps, e.getValue()[0] / steps, e.getValue()[0] / e.getValue()[1]));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("dev.deft.bench.profile", "true");
        StepOverheadBench.main(args);
    }
}
