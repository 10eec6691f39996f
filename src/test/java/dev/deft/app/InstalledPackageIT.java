package dev.deft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code ./mvnw -Ppackage} builds (./run-tests builds it), installed as a person installs it: with
 * {@code dpkg -i} when the tests run as root (as on CI), else unpacked with {@code dpkg-deb -x}. Then the installed
 * launcher answers {@code deft --version} and opens its window on the test's X display; the package is purged after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstalledPackageIT {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path home;
    private Path deb;
    private Path installed;
    private Path unpacked;

    @BeforeAll
    void install() throws Exception {
        String folder = System.getProperty("deft.installer", "");
        Assumptions.assumeTrue(!folder.isBlank(), "the installer is built by ./mvnw -Ppackage (./run-tests does)");
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            deb = files.filter(f -> f.toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + folder + ": packaging/build did not run"));
        }
        if (ROOT) {
            run(List.of("dpkg", "-P", "deft"), 120); // what an earlier run may have left
            Result installing = run(List.of("dpkg", "-i", deb.toString()), 300);
            assertThat(installing.status()).as(installing.output()).isZero();
            installed = Path.of("/opt/deft");
        } else {
            unpacked = Files.createTempDirectory("deft-deb");
            Result unpacking = run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()), 300);
            assertThat(unpacking.status()).as(unpacking.output()).isZero();
            installed = unpacked.resolve("opt/deft");
        }
    }

    @AfterAll
    void purge() throws Exception {
        if (ROOT && installed != null) {
            Result purging = run(List.of("dpkg", "-P", "deft"), 120);
            assertThat(purging.status()).as(purging.output()).isZero();
            assertThat(Path.of("/usr/bin/deft")).doesNotExist();
            assertThat(Path.of("/usr/share/applications/deft.desktop")).doesNotExist();
            assertThat(Path.of("/opt/deft")).as("what the app wrote at run time goes with the package").doesNotExist();
        }
    }

    @Test
    void thePackageSaysWhatItNeedsAndHoldsTheRuntimeTheSkillsTheIconAndTheMenuEntry() throws Exception {
        String info = run(List.of("dpkg-deb", "-I", deb.toString()), 60).output();
        assertThat(info).contains("Package: deft").containsPattern("Depends: .*libgtk-3-0")
                .contains("Recommends: chromium, chromium-driver");

        assertThat(installed.resolve("bin/deft")).isExecutable();
        assertThat(installed.resolve("lib/runtime/lib/modules")).isRegularFile();
        assertThat(installed.resolve("lib/app/skills")).isDirectory();
        assertThat(installed.resolve("lib/deft.png")).isRegularFile();
        try (Stream<Path> jars = Files.list(installed.resolve("lib/app/lib"))) {
            assertThat(jars.map(j -> j.getFileName().toString())).anyMatch(j -> j.matches("javafx-graphics-.*-linux\\.jar"));
        }
        // a runtime of the modules Deft needs, not the whole JDK
        String modules = Files.readString(installed.resolve("lib/runtime/release"));
        assertThat(modules).contains("java.desktop").contains("java.sql").contains("jdk.httpserver")
                .doesNotContain("jdk.compiler").doesNotContain("java.corba");
        if (ROOT) {
            assertThat(Files.readString(Path.of("/usr/share/applications/deft.desktop")))
                    .contains("Exec=/opt/deft/bin/deft").contains("Icon=/opt/deft/lib/deft.png");
            assertThat(Path.of("/usr/bin/deft").toRealPath()).isEqualTo(Path.of("/opt/deft/bin/deft"));
        }
    }

    @Test
    void installingMakesTheClassArchiveTheLauncherStartsWith() throws Exception {
        // the build recorded a start's classes (it runs on a display here)
        assertThat(installed.resolve("lib/app/deft.classlist")).isNotEmptyFile();
        assertThat(Files.readString(installed.resolve("lib/app/deft.cfg")))
                .contains("-XX:SharedArchiveFile=$APPDIR/deft.jsa");
        if (ROOT) {
            assertThat(installed.resolve("lib/app/deft.jsa")).as("made by postinst").isNotEmptyFile();
            // -Xshare:on refuses to start where the archive does not fit the installed class path
            ProcessBuilder strict = new ProcessBuilder("/opt/deft/bin/deft", "--version").redirectErrorStream(true);
            strict.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            Process process = strict.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).contains("deft ").doesNotContainIgnoringCase("error");
        }
    }

    @Test
    void theInstalledLauncherAnswersVersion() throws Exception {
        String command = ROOT ? "deft" : installed.resolve("bin/deft").toString();

        Result version = run(List.of(command, "--version"), 60);

        assertThat(version.status()).as(version.output()).isZero();
        assertThat(version.output().strip()).matches("deft \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theInstalledLauncherOpensTheWindow() throws Exception {
        ProcessBuilder app = new ProcessBuilder(installed.resolve("bin/deft").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile());
        Map<String, String> env = app.environment();
        env.put("DEFT_DATA_DIR", home.resolve("data").toString());
        env.put("DEFT_CONFIG", home.resolve("config.json").toString());
        env.put("DEFT_KEYRING", "off");
        env.put("OLLAMA_HOST", "127.0.0.1:1");
        Process deft = app.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            List<String> windows = List.of();
            while (System.nanoTime() < until && deft.isAlive() && windows.isEmpty()) {
                windows = run(List.of("xdotool", "search", "--onlyvisible", "--pid", String.valueOf(deft.pid()),
                        "--all", "--name", "^Deft$"), 20).output().lines().filter(l -> !l.isBlank()).toList();
                Thread.sleep(100);
            }
            assertThat(windows).as("the main window of the installed app; its output: "
                    + Files.readString(home.resolve("out.log"))).isNotEmpty();
            assertThat(Files.readString(home.resolve("data/deft.log"))).contains("Window up in");
        } finally {
            deft.destroy();
            if (!deft.waitFor(20, TimeUnit.SECONDS)) {
                deft.destroyForcibly();
            }
        }
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end in " + seconds + " s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
