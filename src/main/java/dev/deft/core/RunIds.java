package dev.deft.core;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by time and are short enough to type: {@code 20261123-124700-9f3a}. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next(Clock clock) {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }
}
