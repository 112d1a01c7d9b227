package dev.capstan.ops.verify;

import dev.capstan.domain.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Reading a check's parameters, with errors that name the check and the parameter. */
final class Params {
    private Params() {
    }

    static void only(String kind, Map<String, String> with, Set<String> allowed) {
        for (String key : with.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("The " + kind + " check takes no '" + key + "'; it takes "
                        + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed.stream().sorted().toList())) + ".");
            }
        }
    }

    static String required(String kind, Map<String, String> with, String key) {
        String value = with.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + kind + " check needs '" + key + "'.");
        }
        return value.strip();
    }

    static String optional(Map<String, String> with, String key, String fallback) {
        String value = with.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A moment: an ISO instant (2026-11-23T08:00:00Z), a duration ago (30m), or, when absent, the runbook run's start. */
    static Instant since(String kind, Map<String, String> with, String key, Instant runStart, Instant now) {
        String value = with.get(key);
        if (value == null || value.isBlank()) {
            return runStart;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                Duration ago = Durations.parse(value);
                return now.minus(ago).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            } catch (IllegalArgumentException notDuration) {
                throw new IllegalArgumentException("The " + kind + " check's '" + key + "' is '" + value
                        + "'; give a time like 2026-11-23T08:00:00Z or a duration ago like 30m.");
            }
        }
    }
}
