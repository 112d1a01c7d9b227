package dev.capstan.domain;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line or in a field: 90s, 10m, 2h, 1d; at least a second, at most seven days. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*(s|m|h|d)");
    private static final Duration LONGEST = Duration.ofDays(7);

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(Visible.quoted(text, 40) + " is not a duration; write it like 90s, 10m, 2h or 1d.");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(Visible.quoted(text, 40) + " is out of range: a duration is at least 1s and at most 7d.");
        }
        return d;
    }

    /** A duration in its two largest units, as a list shows an age or a time left: 2d 23h, 5h 10m, 12m, 40s. */
    public static String brief(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds >= 86_400) {
            return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        return seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
    }
}
