package dev.deft.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Whether a command names a program that can be run: a path to an executable file, or a name found on the PATH. */
final class Programs {
    private Programs() {
    }

    static boolean runnable(String program, Map<String, String> env) {
        if (program.contains("/") || program.contains(File.separator)) {
            return Files.isExecutable(Path.of(program));
        }
        String path = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return true;
            }
            if (windows && (Files.isExecutable(Path.of(folder, program + ".exe"))
                    || Files.isExecutable(Path.of(folder, program + ".cmd")))) {
                return true;
            }
        }
        return false;
    }
}
