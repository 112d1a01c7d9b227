package dev.capstan.ops.logs;

import dev.capstan.domain.LogEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The lines delivered, by what they are (stream, time, text) rather than by id: Live Tail gives no event id, so a line read
 * both by a catch-up poll and by the live session is known as one. A line can come again only from a read that starts at or
 * before its time, so the lines older than where the next read starts are forgotten.
 */
final class EventIdentities {
    /** Identity → the event's own time. */
    private final Map<String, Long> delivered = new HashMap<>();
    /** Where the last walk forgot up to; the epoch at first (not Long.MIN_VALUE, which the step below would overflow). */
    private long forgottenBefore;

    /** Whether the event is new; if so it is remembered. */
    synchronized boolean firstTime(LogEvent event) {
        return delivered.putIfAbsent(event.stream() + '\u0000' + event.timestamp() + '\u0000' + event.message(), event.timestamp()) == null;
    }

    /** No read will start before {@code millis} any more. */
    synchronized void forgetBefore(long millis) {
        // Forgetting is a walk over every line kept: done when the read start has moved on by a good step, not on every update.
        if (millis - forgottenBefore >= LogFollower.OVERLAP.toMillis()) {
            delivered.values().removeIf(timestamp -> timestamp < millis);
            forgottenBefore = millis;
        }
    }
}
