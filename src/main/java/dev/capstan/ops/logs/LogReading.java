package dev.capstan.ops.logs;

import dev.capstan.aws.LogsGateway;
import dev.capstan.domain.Environment;
import java.time.Clock;
import java.time.Duration;

/** What the fronts need to show logs: the sources of an environment, and followers for them. */
public record LogReading(LogsGateway gateway, LogSources sources, Clock clock) {
    public static final Duration POLL = Duration.ofSeconds(2);

    public LogFollower follower(Environment environment, LogSource source, String pattern, long sinceMillis, boolean follow,
                                LogFollower.Sink sink, LogFollower.Sleeper sleeper) {
        return new LogFollower(gateway, sources.target(environment), source, pattern, sinceMillis, follow, POLL, sink, sleeper, clock);
    }
}
