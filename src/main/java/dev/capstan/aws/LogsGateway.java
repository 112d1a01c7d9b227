package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import java.util.List;

/** CloudWatch Logs as the log view reads it: one page of FilterLogEvents at a time. Only reads. */
public interface LogsGateway {
    /**
     * @param streamPrefix only streams whose names start so (null: all); ignored when {@code streams} is not empty
     * @param streams      stream names to read (at most 100), or empty
     * @param pattern      a CloudWatch filter pattern applied by the server, or null
     * @param nextToken    null for the first page
     */
    Page filter(AwsTarget target, String group, String streamPrefix, List<String> streams, long startMillis, String pattern, String nextToken);

    record Page(List<LogEvent> events, String nextToken) {
        public Page {
            events = List.copyOf(events);
        }
    }

    /** CloudWatch asked us to slow down; the caller backs off and tries again. */
    final class ThrottledException extends RuntimeException {
        public ThrottledException(String message) {
            super(message);
        }
    }
}
