package dev.capstan.ops;

import dev.capstan.domain.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a person gave an operation (a runbook step's {@code with:}), checked against its declaration and
 * with the declared defaults filled in; each getter turns one into a value or says what to fix.
 */
public final class Words {
    private final String operation;
    private final Map<String, String> given;

    Words(String operation, Map<String, String> given) {
        this.operation = operation;
        this.given = Map.copyOf(given);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(given.get(name)).filter(v -> !v.isBlank()).map(String::strip);
    }

    public String text(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("The operation " + operation + " needs '" + name + "'."));
    }

    /** Null when not given. */
    public String textOrNull(String name) {
        return optional(name).orElse(null);
    }

    public int count(String name) {
        return parseCount(name, text(name));
    }

    public Optional<Integer> optionalCount(String name) {
        return optional(name).map(v -> parseCount(name, v));
    }

    public Duration duration(String name) {
        String value = text(name);
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dev.capstan.domain.Visible.quoted(value, 40) + " (" + name + " of " + operation + ") is not a duration; write it like 90s, 10m or 1h.");
        }
    }

    public boolean flag(String name) {
        String value = optional(name).orElse("false").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(dev.capstan.domain.Visible.quoted(value, 40) + " (" + name + " of " + operation + ") is not true or false.");
        };
    }

    private int parseCount(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dev.capstan.domain.Visible.quoted(value, 40) + " (" + name + " of " + operation + ") is not a whole number.");
        }
    }
}
