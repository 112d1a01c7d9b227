package dev.capstan.domain;

/** One CloudWatch Logs event. {@code id} is CloudWatch's event id, unique within the log group. */
public record LogEvent(String id, long timestamp, String stream, String message) {
}
