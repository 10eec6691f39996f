package dev.deft.bench;

import dev.deft.app.DesktopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Hotkey to prompt: the real desktop app on this X display (run under xvfb-run), the key chord Ctrl+Alt+Space sent
 * with {@code xdotool key} as a person's keyboard would, timed from just before xdotool starts to the prompt window
 * being shown (its {@code onShown}) and to the first frame drawn after it. 3 warm-up presses, then N measured
 * (default 20). Prints the median and p90 of each.
 *
 * <p>{@code xvfb-run -a -s "-screen 0 1920x1080x24" bench/run PromptHotkeyBench 20}
 */
public final class PromptHotkeyBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path home = Files.createTempDirectory("deft-hotkey-bench");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DEFT_DATA_DIR", home.resolve("data").toString());
        env.put("DEFT_CONFIG", home.resolve("config.json").toString());
        env.put("DEFT_KEYRING", "off");
        env.put("OLLAMA_HOST", "127.0.0.1:1");
        long openStart = System.nanoTime();
        try (DesktopApp app = DesktopApp.open(env, Clock.systemUTC())) {
            System.out.printf("app open (deft to main window shown, toolkit cold): %.0f ms%n",
                    (System.nanoTime() - openStart) / 1e6);
            Stage prompt = app.ui().promptStage();
            AtomicReference<CompletableFuture<long[]>> waiting = new AtomicReference<>();
            Platform.runLater(() -> prompt.setOnShown(e -> {
                long shown = System.nanoTime();
                // the frame is drawn on the pulse after the window is shown
                Platform.runLater(() -> {
                    CompletableFuture<long[]> done = waiting.get();
                    if (done != null) {
                        done.complete(new long[] {shown, System.nanoTime()});
                    }
                });
            }));
            List<Double> toShown = new ArrayList<>();
            List<Double> toFrame = new ArrayList<>();
            for (int i = 0; i < rounds + 3; i++) {
                CompletableFuture<long[]> done = new CompletableFuture<>();
                waiting.set(done);
                long start = System.nanoTime();
                new ProcessBuilder("xdotool", "key", "ctrl+alt+space").inheritIO().start();
                long[] at = done.get(10, TimeUnit.SECONDS);
                if (i >= 3) {
                    toShown.add((at[0] - start) / 1e6);
                    toFrame.add((at[1] - start) / 1e6);
                }
                CompletableFuture<Void> hidden = new CompletableFuture<>();
                Platform.runLater(() -> {
                    prompt.hide();
                    hidden.complete(null);
                });
                hidden.get(5, TimeUnit.SECONDS);
                Thread.sleep(300);
            }
            System.out.printf("xdotool key ctrl+alt+space -> prompt shown:     median %.1f ms, p90 %.1f ms (n=%d)%n",
                    percentile(toShown, 50), percentile(toShown, 90), toShown.size());
            System.out.printf("xdotool key ctrl+alt+space -> next pulse after: median %.1f ms, p90 %.1f ms%n",
                    percentile(toFrame, 50), percentile(toFrame, 90));
            long spawn = System.nanoTime();
            new ProcessBuilder("xdotool", "version").start().waitFor();
            System.out.printf("(starting xdotool itself takes about %.1f ms of that)%n", (System.nanoTime() - spawn) / 1e6);
        }
        System.exit(0);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
