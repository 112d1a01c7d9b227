package dev.capstan.ops.logs;

import dev.capstan.aws.LiveTailGateway;
import dev.capstan.aws.LogsGateway;
import dev.capstan.domain.Environment;
import java.time.Clock;
import java.time.Duration;

/** What the fronts need to show logs: the sources of an environment, and followers for them (Live Tail first where offered). */
public record LogReading(LogsGateway gateway, LiveTailGateway liveTail, LogSources sources, Clock clock) {
    public static final Duration POLL = Duration.ofSeconds(2);

    /** Reading without Live Tail: every follow polls FilterLogEvents. */
    public LogReading(LogsGateway gateway, LogSources sources, Clock clock) {
        this(gateway, null, sources, clock);
    }

    /** Following new lines goes through Live Tail where AWS offers it (and falls back to polling); reading a span only polls. */
    public LogTail tail(Environment environment, LogSource source, String pattern, long sinceMillis, boolean follow,
                        LogFollower.Sink sink, LogFollower.Sleeper sleeper) {
        if (!follow || liveTail == null) {
            return follower(environment, source, pattern, sinceMillis, follow, sink, sleeper);
        }
        return new LiveTailFollower(liveTail, gateway, sources.target(environment), source, pattern, sinceMillis, POLL,
                LiveTailFollower.RENEW_AFTER, sink, sleeper, clock);
    }

    public LogFollower follower(Environment environment, LogSource source, String pattern, long sinceMillis, boolean follow,
                                LogFollower.Sink sink, LogFollower.Sleeper sleeper) {
        return new LogFollower(gateway, sources.target(environment), source, pattern, sinceMillis, follow, POLL, sink, sleeper, clock);
    }
}
