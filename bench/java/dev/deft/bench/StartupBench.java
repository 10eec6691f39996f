package dev.deft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the installed app as a person starts it: a new process of the launcher (the installed
 * {@code /opt/deft/bin/deft} by default, or the command given), timed from the process's start to its main window
 * being mapped on the X display (polled with {@code xdotool search --onlyvisible}), then its resident memory (VmRSS)
 * after it has sat idle for 5 s. The first round starts on a fresh data folder (the journal is created); the others
 * reuse it, as every later start does. Prints each round and the medians of the later ones.
 *
 * <p>{@code ./mvnw -Ppackage package -DskipTests && sudo dpkg -i target/installer/deft_*.deb &&
 * xvfb-run -a -s "-screen 0 1920x1080x24" bench/run StartupBench 6}
 */
public final class StartupBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        List<String> launcher = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("/opt/deft/bin/deft");
        Path home = Files.createTempDirectory("deft-startup-bench");
        List<Double> starts = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            ProcessBuilder app = new ProcessBuilder(launcher).redirectErrorStream(true)
                    .redirectOutput(home.resolve("out.log").toFile());
            Map<String, String> env = app.environment();
            env.put("DEFT_DATA_DIR", home.resolve("data").toString());
            env.put("DEFT_CONFIG", home.resolve("config.json").toString());
            env.put("DEFT_KEYRING", "off");
            env.put("OLLAMA_HOST", "127.0.0.1:1");
            long start = System.nanoTime();
            Process deft = app.start();
            try {
                double millis = -1;
                while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60) && deft.isAlive()) {
                    Thread.sleep(20);
                    if (windowShown(deft.pid())) {
                        millis = (System.nanoTime() - start) / 1e6;
                        break;
                    }
                }
                if (millis < 0) {
                    throw new IllegalStateException("no window in 60 s; the app said: "
                            + Files.readString(home.resolve("out.log")));
                }
                Thread.sleep(5_000);
                double megabytes = residentKilobytes(deft.pid()) / 1024.0;
                System.out.printf("round %d%s: window shown after %.0f ms, RSS after 5 s idle %.0f MB%n", round + 1,
                        round == 0 ? " (new data folder)" : "", millis, megabytes);
                if (round > 0) {
                    starts.add(millis);
                    rss.add(megabytes);
                }
            } finally {
                deft.destroy();
                if (!deft.waitFor(20, TimeUnit.SECONDS)) {
                    deft.destroyForcibly();
                }
            }
        }
        if (!starts.isEmpty()) {
            System.out.printf("median of rounds 2-%d: window %.0f ms, RSS %.0f MB%n", rounds, median(starts), median(rss));
        }
    }

    private static boolean windowShown(long pid) throws IOException, InterruptedException {
        Process search = new ProcessBuilder("xdotool", "search", "--all", "--onlyvisible", "--pid", String.valueOf(pid),
                "--name", "^Deft$").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String found = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        search.waitFor();
        // window ids only: xdotool also says what it could not read of windows going away
        return found.lines().anyMatch(line -> line.strip().matches("\\d+"));
    }

    private static long residentKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
