package dev.capstan.ops.logs;

import dev.capstan.aws.LogsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a log source by polling FilterLogEvents with a moving start time. Each poll starts a little
 * before the newest event seen (CloudWatch can index an event after later ones), so events are
 * de-duplicated by id across pages and polls: none is missed, none is delivered twice. Throttling is
 * backed off exponentially and said; a poll that needs many pages says the view is behind.
 */
public final class LogFollower implements LogTail {
    public enum State { CATCHING_UP, LIVE, BEHIND, BACKING_OFF, PAUSED, STOPPED, FAILED }

    /** Where events and state changes go; called on the follower's thread. */
    public interface Sink {
        void events(List<LogEvent> batch);

        void state(State state, String detail);

        /** Something the person following should read once, such as the switch from Live Tail to polling. */
        default void notice(String sentence) {
        }
    }

    /** How the follower waits; returns false when it should stop. */
    public interface Sleeper {
        boolean sleep(Duration duration);
    }

    static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int BEHIND_PAGES = 3;

    private final LogsGateway logs;
    private final AwsTarget target;
    private final LogSource source;
    private final String pattern;
    private final boolean follow;
    private final Duration interval;
    private final Sink sink;
    private final Sleeper sleeper;
    private final Clock clock;
    /** Event id → timestamp, for the events at or after the current start time. */
    private final Map<String, Long> seen = new HashMap<>();
    private long start;
    private volatile boolean stopped;

    public LogFollower(LogsGateway logs, AwsTarget target, LogSource source, String pattern, long startMillis, boolean follow,
                       Duration interval, Sink sink, Sleeper sleeper, Clock clock) {
        this.logs = logs;
        this.target = target;
        this.source = source;
        this.pattern = pattern;
        this.start = startMillis;
        this.follow = follow;
        this.interval = interval;
        this.sink = sink;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ZERO;
        sink.state(State.CATCHING_UP, "reading " + source.title());
        while (!stopped) {
            try {
                int pages = pollOnce();
                backoff = Duration.ZERO;
                if (!follow) {
                    sink.state(State.STOPPED, "read everything since the start time");
                    return;
                }
                sink.state(pages > BEHIND_PAGES ? State.BEHIND : State.LIVE, pages > BEHIND_PAGES ? pages + " pages in the last poll" : "");
                if (!sleeper.sleep(interval)) {
                    break;
                }
            } catch (LogsGateway.ThrottledException e) {
                backoff = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
                if (backoff.compareTo(MAX_BACKOFF) > 0) {
                    backoff = MAX_BACKOFF;
                }
                sink.state(State.BACKING_OFF, e.getMessage() + "; trying again in " + backoff.toSeconds() + " s");
                if (!sleeper.sleep(backoff)) {
                    break;
                }
            } catch (RuntimeException e) {
                sink.state(State.FAILED, e.getMessage());
                return;
            }
        }
        sink.state(State.STOPPED, "stopped");
    }

    /** Reads every page from the current start time; returns how many pages it took. */
    public int pollOnce() {
        String token = null;
        int pages = 0;
        long newest = start;
        do {
            LogsGateway.Page page = logs.filter(target, source.group(), source.streamPrefix(), source.streams(), start, pattern, token);
            pages++;
            List<LogEvent> fresh = new ArrayList<>();
            for (LogEvent event : page.events()) {
                // The server narrows by prefix; checked here as well, since a stand-in such as moto ignores the prefix.
                if (!source.holds(event.stream())) {
                    continue;
                }
                if (seen.putIfAbsent(event.id(), event.timestamp()) == null) {
                    fresh.add(event);
                }
                newest = Math.max(newest, event.timestamp());
            }
            if (!fresh.isEmpty()) {
                // A page is meant to be interleaved by time across streams; a stand-in may group it by stream instead.
                fresh.sort(java.util.Comparator.comparingLong(LogEvent::timestamp));
                sink.events(fresh);
            }
            token = page.nextToken();
        } while (token != null && !stopped);
        // Start the next poll a little before the newest event seen, never later than now minus the overlap.
        long next = Math.min(newest, clock.millis()) - OVERLAP.toMillis();
        if (next > start) {
            start = next;
            long keepFrom = start;
            seen.values().removeIf(timestamp -> timestamp < keepFrom);
        }
        return pages;
    }
}
