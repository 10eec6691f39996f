package dev.deft.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Deft's version as the build wrote it, for what Deft tells the MCP clients and servers it talks to. */
final class BuildVersion {
    private BuildVersion() {
    }

    static String get() {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("/dev/deft/version.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // an unknown version is only a label
        }
        String version = build.getProperty("version", "");
        return version.isBlank() || version.startsWith("$") ? "unknown" : version;
    }
}
