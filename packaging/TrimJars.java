import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Takes out of the libraries that go in the installer what the installed Deft never runs, in place:
 * <ul>
 * <li>the native libraries the jars carry for other platforms than the one the installer is built on (jpackage makes
 * an installer only for the platform it runs on): OpenCV's (the biggest, 63 MB a platform), JNA's, JNativeHook's,
 * tess4j's and lept4j's (Windows DLLs; elsewhere they use the system's Tesseract), SikuliX's own;</li>
 * <li>every Selenium Manager program: Deft starts the system's chromedriver, never Selenium Manager;</li>
 * <li>tess4j's copy of Tesseract's data: Deft reads with the system's data (TextReader.dataPath()); SikuliX's copy,
 * for its own OCR, which Deft does not use (it calls tess4j itself); SikuliX's Python library for Jython, which
 * pom.xml leaves out.</li>
 * </ul>
 * A jar index ({@code META-INF/INDEX.LIST}) in a trimmed jar goes too, since it names the folders taken out.
 * Only native programs and data go: a rule that would take out a class fails the build, so a library that moves its
 * classes is noticed rather than broken. Classes and the jars' names stay, so the class path, the class list and the
 * class archive made at install are as before.
 *
 * <p>Run by packaging/build on the folder of jars that goes in the installer: {@code java packaging/TrimJars.java DIR}.
 */
public final class TrimJars {

    /** In jars whose name matches {@code jar}: the entries {@code drops} says go, for the reason {@code why}. */
    private record Rule(Pattern jar, Predicate<String> drops, String why) {
        boolean applies(String jarName) {
            return jar.matcher(jarName).matches();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java packaging/TrimJars.java FOLDER-OF-JARS");
            System.exit(2);
        }
        Platform here = Platform.current();
        List<Rule> rules = rules(here);
        long before = 0;
        long after = 0;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                String name = jar.getFileName().toString();
                List<Rule> mine = rules.stream().filter(r -> r.applies(name)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                long size = Files.size(jar);
                int removed = trim(jar, mine);
                before += size;
                after += Files.size(jar);
                System.out.printf("packaging/TrimJars: %s: %d entries out, %,d -> %,d bytes (%s)%n", name, removed,
                        size, Files.size(jar), String.join("; ", mine.stream().map(Rule::why).toList()));
            }
        }
        System.out.printf("packaging/TrimJars: %,d -> %,d bytes for %s%n", before, after, here);
    }

    private static List<Rule> rules(Platform here) {
        String nativeFolder = "(win32|linux|darwin|sunos|freebsd|openbsd|aix)-.+";
        return List.of(
                new Rule(jar("opencv"), inAllBut("nu/pattern/opencv/", here.openpnp()),
                        "OpenCV's native library for " + here.openpnp() + " only"),
                new Rule(jar("jna"), inMatching("com/sun/jna/", allBut(here.jna(), nativeFolder)),
                        "JNA's native part for " + here.jna() + " only"),
                new Rule(jar("tess4j|lept4j"), inMatching("", allBut(here.jna(), nativeFolder)),
                        "the natives bundled for other platforms (Windows): elsewhere it uses the system's"),
                new Rule(jar("tess4j"), inMatching("", Pattern.compile("tessdata")),
                        "its copy of Tesseract's data: Deft reads with the system's"),
                new Rule(jar("jnativehook"), inAllBut("com/github/kwhat/jnativehook/lib/", here.jnativehook()),
                        "JNativeHook's native library for " + here.jnativehook() + " only"),
                new Rule(jar("sikulixapi"), inAllBut("sikulixlibs/", here.sikulix()),
                        "SikuliX's natives for " + here.sikulix() + " only"),
                new Rule(jar("sikulixapi"), inMatching("", Pattern.compile("tessdataSX|Lib")),
                        "SikuliX's OCR data and Jython library: Deft reads with tess4j, and leaves Jython out"),
                new Rule(jar("selenium-manager"), inMatching("org/openqa/selenium/manager/", Pattern.compile(".+")),
                        "every Selenium Manager program: Deft never runs it"));
    }

    /** A jar of these libraries, any version: "jna" is jna-5.13.0.jar, not jna-platform-5.13.0.jar. */
    private static Pattern jar(String names) {
        return Pattern.compile("(" + names + ")-\\d[^/]*\\.jar");
    }

    /** Entries in a sub-folder of {@code folder}, except in {@code keep} (a path of folders below it). */
    private static Predicate<String> inAllBut(String folder, String keep) {
        return entry -> entry.startsWith(folder) && entry.indexOf('/', folder.length()) > 0
                && !entry.startsWith(folder + keep + "/");
    }

    /** Entries in a sub-folder of {@code folder} whose name matches {@code sub}. */
    private static Predicate<String> inMatching(String folder, Pattern sub) {
        return entry -> {
            if (!entry.startsWith(folder)) {
                return false;
            }
            int slash = entry.indexOf('/', folder.length());
            return slash > folder.length() && sub.matcher(entry.substring(folder.length(), slash)).matches();
        };
    }

    /** Names matching {@code kind}, except {@code mine}. */
    private static Pattern allBut(String mine, String kind) {
        return Pattern.compile("(?!" + Pattern.quote(mine) + "$)(" + kind + ")");
    }

    /** Deletes the entries the rules drop, and the folders left empty; the other entries are copied as they are. */
    private static int trim(Path jar, List<Rule> rules) throws IOException {
        List<String> gone = new ArrayList<>();
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path root = zip.getPath("/");
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(root)) {
                entries = walk.filter(Files::isRegularFile).toList();
            }
            for (Path entry : entries) {
                String name = root.relativize(entry).toString();
                if (rules.stream().anyMatch(r -> r.drops().test(name))) {
                    if (name.endsWith(".class")) {
                        throw new IllegalStateException(jar.getFileName() + ": a rule would take out the class " + name
                                + "; the library has changed its layout, check packaging/TrimJars.java");
                    }
                    Files.delete(entry);
                    gone.add(name);
                }
            }
            // a jar index (tess4j has one) names the folders taken out; the class loader then fails on them with
            // "Invalid index" instead of looking further, so it goes too: the index only speeds up a lookup
            Path index = zip.getPath("/META-INF/INDEX.LIST");
            if (!gone.isEmpty() && Files.exists(index)) {
                Files.delete(index);
                gone.add("META-INF/INDEX.LIST");
            }
            List<Path> folders;
            try (Stream<Path> walk = Files.walk(root)) {
                folders = walk.filter(Files::isDirectory).filter(d -> !d.equals(root))
                        .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
            }
            for (Path folder : folders) {
                try (Stream<Path> inside = Files.list(folder)) {
                    if (inside.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return gone.size();
    }

    /** The platform the installer is for, as each library names it in its folders. */
    private record Platform(String os, String arch) {
        static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            String family = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "mac" : os;
            String cpu = switch (arch) {
                case "amd64", "x86_64" -> "x86-64";
                case "x86", "i386", "i686" -> "x86";
                case "aarch64", "arm64" -> "aarch64";
                default -> arch;
            };
            return new Platform(family, cpu);
        }

        /** OpenCV (org.openpnp): linux/x86_64, osx/x86_64, windows/x86_64, linux/ARMv8. */
        String openpnp() {
            String o = os.equals("mac") ? "osx" : os;
            String a = switch (arch) {
                case "x86-64" -> "x86_64";
                case "x86" -> "x86_32";
                case "aarch64" -> "ARMv8";
                default -> arch;
            };
            return o + "/" + a;
        }

        /** JNA, and tess4j and lept4j after it: linux-x86-64, win32-x86-64, darwin-aarch64. */
        String jna() {
            String o = switch (os) {
                case "windows" -> "win32";
                case "mac" -> "darwin";
                default -> os;
            };
            return o + "-" + arch;
        }

        /** JNativeHook: linux/x86_64, darwin/arm64, windows/x86. */
        String jnativehook() {
            String o = os.equals("mac") ? "darwin" : os;
            String a = switch (arch) {
                case "x86-64" -> "x86_64";
                case "aarch64" -> "arm64";
                default -> arch;
            };
            return o + "/" + a;
        }

        /** SikuliX: linux, mac, windows. */
        String sikulix() {
            return os;
        }

        @Override
        public String toString() {
            return os + " " + arch;
        }
    }
}
