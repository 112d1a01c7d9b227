package dev.capstan.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.SdkLogsGateway;
import dev.capstan.domain.LogEvent;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Following a log group in moto while a writer puts events into several streams. */
@ExtendWith(MotoExtension.class)
class LogFollowerTest {
    private static final String GROUP = "/ecs/ledger-api";
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<LogEvent> received = new CopyOnWriteArrayList<>();
    private final List<LogFollower.State> states = new CopyOnWriteArrayList<>();
    /** How many times the follower paused between looks: each pause follows a finished look. */
    private final AtomicInteger pauses = new AtomicInteger();
    private LogFollower follower;
    private Thread thread;

    @BeforeEach
    void group(MotoWorld moto) {
        moto.clients().logs(moto.target()).createLogGroup(r -> r.logGroupName(GROUP));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (follower != null) {
            follower.stop();
            thread.join(5000);
        }
    }

    private void write(MotoWorld moto, String stream, List<String> messages) {
        var logs = moto.clients().logs(moto.target());
        try {
            logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(stream));
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException e) {
            // written to before
        }
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (String message : messages) {
            events.add(InputLogEvent.builder().timestamp(now).message(message).build());
        }
        logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName(stream).logEvents(events));
    }

    private void follow(MotoWorld moto, LogSource source) {
        LogFollower.Sink sink = new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                batch.forEach(e -> deliveries.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet());
                received.addAll(batch);
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                states.add(state);
            }
        };
        follower = new LogFollower(new SdkLogsGateway(moto.clients()), moto.target(), source, null, System.currentTimeMillis() - 60_000, true,
                Duration.ofMillis(200), sink, d -> {
                    pauses.incrementAndGet();
                    try {
                        Thread.sleep(d.toMillis());
                        return true;
                    } catch (InterruptedException e) {
                        return false;
                    }
                }, Clock.systemUTC());
        thread = new Thread(follower, "log-follower-test");
        thread.start();
    }

    /** Waits for what the follower brings about; the minute is a guard against a hung test, not a measure. */
    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until the follower has finished {@code looks} more looks than it had now: whatever those looks found has been delivered. */
    private void waitForMoreLooks(int looks) throws InterruptedException {
        int now = pauses.get();
        waitFor(looks + " more looks", () -> pauses.get() >= now + looks + 1);
    }

    @Test
    void thousandsOfLinesAcrossStreamsArriveOnceEachAndANewLineOnce(MotoWorld moto) throws Exception {
        follow(moto, LogSource.group(GROUP));
        int streams = 5;
        int batches = 8;
        int perBatch = 100;
        for (int b = 0; b < batches; b++) {
            for (int s = 0; s < streams; s++) {
                List<String> messages = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    messages.add("stream " + s + " batch " + b + " line " + i);
                }
                write(moto, "app/web/task-" + s, messages);
            }
            // Each batch after the follower has looked at least once more, so batches land while it follows, not all before.
            waitForMoreLooks(1);
        }
        int total = streams * batches * perBatch;
        waitFor("all " + total + " lines arrive", () -> received.size() >= total);
        waitForMoreLooks(3);
        assertThat(received).hasSize(total);
        assertThat(deliveries.values()).allMatch(count -> count.get() == 1);
        assertThat(received.stream().map(LogEvent::message).distinct().count()).isEqualTo(total);

        write(moto, "app/web/task-0", List.of("HealthCheckService: healthy"));
        waitFor("a new line appears", () -> received.stream().anyMatch(e -> e.message().startsWith("HealthCheckService")));
        waitForMoreLooks(3);
        assertThat(received).hasSize(total + 1);
        assertThat(states).contains(LogFollower.State.LIVE);
    }

    @Test
    void throttlingIsBackedOffAndRecoveredFromWithoutLosingLines(MotoWorld moto) throws Exception {
        write(moto, "app/web/a", List.of("before throttling 1", "before throttling 2"));
        moto.faults().failWith("FilterLogEvents", "ThrottlingException", 400, 2);
        follow(moto, new LogSource("prefix app/web/", GROUP, "app/web/", List.of()));
        write(moto, "app/web/b", List.of("during throttling"));
        waitFor("all three lines arrive after the backoff", () -> received.size() == 3);
        waitForMoreLooks(1);
        assertThat(states).contains(LogFollower.State.BACKING_OFF);
        assertThat(states.get(states.size() - 1)).isIn(LogFollower.State.LIVE, LogFollower.State.BEHIND);
        assertThat(received).extracting(LogEvent::message).containsExactlyInAnyOrder("before throttling 1", "before throttling 2", "during throttling");
    }
}
