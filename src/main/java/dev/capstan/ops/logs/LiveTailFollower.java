package dev.capstan.ops.logs;

import dev.capstan.aws.AwsProblem;
import dev.capstan.aws.LiveTailGateway;
import dev.capstan.aws.LogsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows a log source through CloudWatch Logs Live Tail: lines within a second, merged across streams, filtered by AWS.
 * <ul>
 *   <li>Each session, once AWS accepts it, first reads by FilterLogEvents what came before it (the start time, or the gap since
 *       the last session's last word), so nothing falls between the two.</li>
 *   <li>A session is renewed before AWS's three-hour end, and when AWS ends one.</li>
 *   <li>When Live Tail is refused (access denied, quota, an endpoint that lacks it) or breaks mid-session, following goes on
 *       by polling, from a little before the last line shown, and says so once.</li>
 *   <li>Lines are told apart by stream, time and text (Live Tail has no event id): none is shown twice across a switch.</li>
 * </ul>
 */
public final class LiveTailFollower implements LogTail {
    /** AWS ends a session after three hours; a new one starts a little before. */
    public static final Duration RENEW_AFTER = Duration.ofHours(3).minusMinutes(5);
    /** How long AWS may take to accept a session before following goes on by polling. */
    static final Duration ACCEPT_WITHIN = Duration.ofSeconds(30);

    private sealed interface Signal permits Started, Update, Ended, Stop {
    }

    private record Started(int session) implements Signal {
    }

    private record Update(int session, List<LogEvent> events, boolean sampled) implements Signal {
    }

    private record Ended(int session, AwsProblem problem) implements Signal {
    }

    private record Stop() implements Signal {
    }

    private enum Outcome { RENEW, BROKE, STOPPED }

    private final LiveTailGateway live;
    private final LogsGateway logs;
    private final AwsTarget target;
    private final LogSource source;
    private final String pattern;
    private final Duration pollInterval;
    private final Duration renewAfter;
    private final LogFollower.Sink sink;
    private final LogFollower.Sleeper sleeper;
    private final Clock clock;
    private final EventIdentities delivered;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    /** Where the next catch-up read starts: the start time, then a little before the last word of the session before. */
    private long readFrom;
    private AwsProblem brokenBy;
    private long sampledShown;
    private volatile boolean stopped;
    private volatile LogTail polling;

    public LiveTailFollower(LiveTailGateway live, LogsGateway logs, AwsTarget target, LogSource source, String pattern, long startMillis,
                            Duration pollInterval, Duration renewAfter, LogFollower.Sink sink, LogFollower.Sleeper sleeper, Clock clock) {
        this.live = live;
        this.logs = logs;
        this.target = target;
        this.source = source;
        this.pattern = pattern;
        this.readFrom = startMillis;
        this.pollInterval = pollInterval;
        this.renewAfter = renewAfter;
        this.sink = sink;
        this.sleeper = sleeper;
        this.clock = clock;
        this.delivered = new EventIdentities();
    }

    @Override
    public void stop() {
        stopped = true;
        signals.add(new Stop());
        LogTail fallback = polling;
        if (fallback != null) {
            fallback.stop();
        }
    }

    @Override
    public void run() {
        sink.state(LogFollower.State.CATCHING_UP, "reading " + source.title());
        int number = 0;
        while (!stopped) {
            number++;
            LiveTailGateway.Session session;
            try {
                session = open(number);
            } catch (RuntimeException e) {
                // Whatever stops a session from starting (a refusal, a log group Live Tail cannot name), polling may still read.
                pollInstead(e.getMessage());
                return;
            }
            if (session == null) {
                if (brokenBy != null) {
                    pollInstead(brokenBy.getMessage());
                    return;
                }
                break;
            }
            Outcome outcome;
            try {
                if (!catchUp()) {
                    if (stopped) {
                        sink.state(LogFollower.State.STOPPED, "stopped");
                    }
                    return;
                }
                sink.state(LogFollower.State.LIVE, "Live Tail");
                outcome = stream(number);
            } finally {
                session.close();
            }
            if (outcome == Outcome.BROKE) {
                pollInstead(brokenBy.getMessage());
                return;
            }
            if (outcome == Outcome.STOPPED) {
                break;
            }
            sink.state(LogFollower.State.CATCHING_UP, "starting a new Live Tail session");
        }
        sink.state(LogFollower.State.STOPPED, "stopped");
    }

    /** Starts session {@code number} and waits until AWS accepts it; null when it was refused (see brokenBy) or we stopped. */
    private LiveTailGateway.Session open(int number) {
        LiveTailGateway.Session session = live.start(target, source.group(), source.streamPrefix(), source.streams(), pattern,
                new LiveTailGateway.Listener() {
                    @Override
                    public void started() {
                        signals.add(new Started(number));
                    }

                    @Override
                    public void update(List<LogEvent> events, boolean sampled) {
                        signals.add(new Update(number, events, sampled));
                    }

                    @Override
                    public void ended(AwsProblem problem) {
                        signals.add(new Ended(number, problem));
                    }
                });
        long deadline = System.nanoTime() + ACCEPT_WITHIN.toNanos();
        while (true) {
            Signal signal = next(deadline);
            if (signal == null) {
                session.close();
                brokenBy = new AwsProblem("AWS did not start the session within " + ACCEPT_WITHIN.toSeconds() + " s", null);
                return null;
            }
            if (signal instanceof Stop) {
                session.close();
                return null;
            }
            if (signal instanceof Started started && started.session() == number) {
                return session;
            }
            if (signal instanceof Ended ended && ended.session() == number) {
                session.close();
                brokenBy = ended.problem() != null ? ended.problem() : new AwsProblem("AWS ended the session before it started", null);
                return null;
            }
            // Nothing else comes before a session's start: AWS sends sessionStart first.
        }
    }

    /** Reads by FilterLogEvents what came before the session; false when following stopped or failed on the way. */
    private boolean catchUp() {
        LogFollower reader = pollingFrom(readFrom, false, new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                deliver(batch);
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                // The catch-up is one read; the follower says its own state around it.
            }
        });
        Duration backoff = Duration.ofSeconds(1);
        while (!stopped) {
            try {
                reader.pollOnce();
                return true;
            } catch (LogsGateway.ThrottledException e) {
                sink.state(LogFollower.State.BACKING_OFF, e.getMessage() + "; trying again in " + backoff.toSeconds() + " s");
                if (!sleeper.sleep(backoff)) {
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                sink.state(LogFollower.State.FAILED, e.getMessage());
                return false;
            }
        }
        return false;
    }

    /** Takes what session {@code number} sends until it ends, breaks, is due for renewal, or following stops. */
    private Outcome stream(int number) {
        long startedAt = clock.millis();
        readFrom = startedAt - LogFollower.OVERLAP.toMillis();
        while (true) {
            if (clock.millis() - startedAt >= renewAfter.toMillis()) {
                return Outcome.RENEW;
            }
            Signal signal = next(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            if (signal == null || signal instanceof Started) {
                continue;
            }
            if (signal instanceof Stop) {
                return Outcome.STOPPED;
            }
            if (signal instanceof Update update && update.session() == number) {
                readFrom = clock.millis() - LogFollower.OVERLAP.toMillis();
                delivered.forgetBefore(readFrom);
                deliver(update.events());
                sampled(update);
            } else if (signal instanceof Ended ended && ended.session() == number) {
                if (ended.problem() == null) {
                    return Outcome.RENEW;
                }
                brokenBy = ended.problem();
                return Outcome.BROKE;
            }
        }
    }

    private void sampled(Update update) {
        if (update.sampled()) {
            sampledShown += update.events().size();
            sink.state(LogFollower.State.LIVE, "Live Tail; over 500 lines a second: AWS is sampling; " + sampledShown + " shown");
        } else if (sampledShown > 0) {
            sampledShown = 0;
            sink.state(LogFollower.State.LIVE, "Live Tail");
        }
    }

    /** Follows on by polling from a little before the last line shown; says once why. */
    private void pollInstead(String why) {
        if (stopped) {
            sink.state(LogFollower.State.STOPPED, "stopped");
            return;
        }
        String every = "every " + pollInterval.toSeconds() + " s";
        sink.notice("Live Tail is not available (" + why + "); following by polling FilterLogEvents " + every + " instead.");
        LogFollower.Sink polled = new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                // Only lines shown live before the switch can come twice, and the first polls re-read them: after that the
                // poller's own ids do, so the identities need not pile up for as long as the follow lasts.
                delivered.forgetBefore(clock.millis() - LogFollower.OVERLAP.multipliedBy(3).toMillis());
                deliver(batch);
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                sink.state(state, state == LogFollower.State.LIVE ? "polling " + every + (detail.isEmpty() ? "" : "; " + detail) : detail);
            }
        };
        LogFollower follower = pollingFrom(readFrom, true, polled);
        polling = follower;
        if (!stopped) {
            follower.run();
        }
    }

    private LogFollower pollingFrom(long from, boolean follow, LogFollower.Sink to) {
        return new LogFollower(logs, target, source, pattern, from, follow, pollInterval, to, sleeper, clock);
    }

    private void deliver(List<LogEvent> events) {
        List<LogEvent> fresh = events.stream().filter(e -> source.holds(e.stream())).filter(delivered::firstTime).toList();
        if (!fresh.isEmpty()) {
            sink.events(fresh);
        }
    }

    private Signal next(long deadlineNanos) {
        try {
            long wait = deadlineNanos - System.nanoTime();
            return wait <= 0 ? signals.poll() : signals.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return new Stop();
        }
    }
}
