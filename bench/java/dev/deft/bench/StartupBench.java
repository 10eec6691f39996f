package dev.deft.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up of the installed app as a person starts it: a new process of the launcher (the installed
 * {@code /opt/deft/bin/deft} by default, or the command given), timed from the process's start to its main window
 * being mapped on the X display (the map event seen by an {@code xev} on the root window, the window then confirmed
 * as Deft's with {@code xdotool search --onlyvisible}), then its resident memory (VmRSS)
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
            MapEvents maps = MapEvents.watch();
            long start = System.nanoTime();
            Process deft = app.start();
            try {
                double millis = -1;
                while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60) && deft.isAlive()) {
                    maps.awaitAny(Duration.ofMillis(100));
                    // nothing looks before a window is mapped (a process polling the display would slow the start
                    // it measures); a window may be mapped before it has its title: looked for again until it has.
                    // Under a window manager the map seen is its frame's: then the time the window was found.
                    Long mapped = maps.none() ? null : mainWindow(deft.pid())
                            .map(id -> Optional.ofNullable(maps.mappedAt(id)).orElseGet(System::nanoTime)).orElse(null);
                    if (mapped != null) {
                        millis = (mapped - start) / 1e6;
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
                maps.close();
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

    /**
     * When each window was mapped on the display, from one {@code xev} watching the root window's children
     * (line-buffered through {@code stdbuf}): the start is not slowed down by polling processes beside it.
     */
    private static final class MapEvents implements AutoCloseable {
        private static final Pattern WINDOW = Pattern.compile("\\bwindow 0x([0-9a-f]+)");
        private final Process xev;
        private final Map<Long, Long> mapped = new ConcurrentHashMap<>();
        private final Semaphore seen = new Semaphore(0);

        private MapEvents(Process xev) {
            this.xev = xev;
        }

        static MapEvents watch() throws IOException, InterruptedException {
            Process xev = new ProcessBuilder("stdbuf", "-oL", "xev", "-root", "-event", "substructure")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            MapEvents events = new MapEvents(xev);
            Thread reader = new Thread(() -> events.read(xev), "xev-reader");
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(300); // xev has its connection and its event mask before the app starts
            return events;
        }

        // "MapNotify event, serial 18, synthetic NO, window 0x50d,\n    event 0x50d, window 0x600003, override NO"
        private void read(Process xev) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(xev.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("MapNotify event")) {
                        long at = System.nanoTime();
                        Matcher window = WINDOW.matcher(String.valueOf(lines.readLine()));
                        if (window.find()) {
                            mapped.putIfAbsent(Long.parseLong(window.group(1), 16), at);
                            seen.release();
                        }
                    }
                }
            } catch (IOException ended) {
                // xev was closed
            }
        }

        /** Returns when a window has been mapped since the last call, or after {@code wait}. */
        void awaitAny(Duration wait) throws InterruptedException {
            if (seen.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                seen.drainPermits();
            }
        }

        boolean none() {
            return mapped.isEmpty();
        }

        /** When the window {@code id} was first mapped, or null. */
        Long mappedAt(long id) {
            return mapped.get(id);
        }

        @Override
        public void close() {
            xev.destroy();
        }
    }

    /** The id of the process's visible window titled "Deft", if there is one yet. */
    private static Optional<Long> mainWindow(long pid) throws IOException, InterruptedException {
        Process search = new ProcessBuilder("xdotool", "search", "--all", "--onlyvisible", "--pid", String.valueOf(pid),
                "--name", "^Deft$").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String found = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        search.waitFor();
        // window ids only: xdotool also says what it could not read of windows going away
        return found.lines().map(String::strip).filter(line -> line.matches("\\d+")).map(Long::valueOf).findFirst();
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
