package dev.capstan.domain;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line or in a field: 90s, 10m, 2h, 1d. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 90s, 10m, 2h or 1d.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
