package dev.capstan.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.LogsGateway;
import dev.capstan.aws.SdkLiveTailGateway;
import dev.capstan.aws.SdkLogsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import dev.capstan.sandbox.LiveTailStandIn;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Following a service's streams through Live Tail (the stand-in in front of moto), and by polling where Live Tail is refused
 * or breaks: every line arrives, and arrives once.
 */
@ExtendWith(MotoExtension.class)
class LiveTailFollowerTest {
    private static final String GROUP = "/ecs/orders";
    private static final LogSource SERVICE = new LogSource("service orders (web)", GROUP, "app/web/", List.of());
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<String> details = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicInteger polls = new AtomicInteger();
    private LiveTailStandIn standIn;
    private AwsTarget target;
    private LiveTailFollower follower;
    private Thread thread;

    @BeforeEach
    void world(MotoWorld moto) throws Exception {
        standIn = LiveTailStandIn.inFrontOf(moto.endpoint());
        target = new AwsTarget(MotoWorld.PROFILE, MotoWorld.REGION, standIn.endpoint());
        moto.clients().logs(moto.target()).createLogGroup(r -> r.logGroupName(GROUP));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (follower != null) {
            follower.stop();
            stopSignal.countDown();
            thread.join(10_000);
            assertThat(thread.isAlive()).as("the follower stops when asked").isFalse();
        }
        standIn.close();
    }

    @Test
    void linesArriveThroughLiveTailEachOnceAfterTheCatchUp(MotoWorld moto) throws Exception {
        put(moto, "app/web/task-1", lines("before", 3));
        follow(moto, target, Clock.systemUTC(), LiveTailFollower.RENEW_AFTER);
        awaitLiveTail();
        put(moto, "app/web/task-1", lines("one", 5));
        put(moto, "app/web/task-2", lines("two", 5));
        put(moto, "app/worker/task-3", lines("not this container", 5));

        awaitDelivered(13);
        assertEachOnce(13);
        assertThat(deliveries.keySet()).noneMatch(line -> line.contains("not this container"));
        assertThat(polls.get()).as("one FilterLogEvents read caught up; the rest came live").isEqualTo(1);
        assertThat(notices).isEmpty();
    }

    @Test
    void aRefusedSessionFallsBackToPollingWithNothingLostOrDoubled(MotoWorld moto) throws Exception {
        standIn.refuse("AccessDeniedException");
        put(moto, "app/web/task-1", lines("before", 4));
        follow(moto, target, Clock.systemUTC(), LiveTailFollower.RENEW_AFTER);
        Eventually.waitFor(() -> details.stream().anyMatch(d -> d.startsWith("polling every")));
        put(moto, "app/web/task-1", lines("after", 4));

        awaitDelivered(8);
        assertEachOnce(8);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("Live Tail is not available").contains("AccessDeniedException").contains("polling FilterLogEvents");
        assertThat(standIn.sessionsStarted()).isZero();
    }

    @Test
    void anEndpointWithoutLiveTailSuchAsMotoAloneIsFollowedByPolling(MotoWorld moto) throws Exception {
        follow(moto, moto.target(), Clock.systemUTC(), LiveTailFollower.RENEW_AFTER);
        Eventually.waitFor(() -> details.stream().anyMatch(d -> d.startsWith("polling every")));
        put(moto, "app/web/task-1", lines("polled", 3));

        awaitDelivered(3);
        assertEachOnce(3);
        assertThat(notices).singleElement().asString().contains("Live Tail is not available");
    }

    @Test
    void aSessionThatBreaksMidWayGoesOnByPollingWithoutShowingALineTwice(MotoWorld moto) throws Exception {
        follow(moto, target, Clock.systemUTC(), LiveTailFollower.RENEW_AFTER);
        awaitLiveTail();
        put(moto, "app/web/task-1", lines("live", 6));
        awaitDelivered(6);

        standIn.breakSessions();
        Eventually.waitFor(() -> details.stream().anyMatch(d -> d.startsWith("polling every")));
        put(moto, "app/web/task-2", lines("polled", 6));

        awaitDelivered(12);
        // The polls re-read the live lines of the last ten seconds; they are known by stream, time and text.
        Eventually.waitFor(() -> polls.get() >= 3);
        assertEachOnce(12);
        assertThat(notices).singleElement().asString().contains("SessionStreamingException");
    }

    @Test
    void aSessionAwsEndsIsRenewedAndNothingFallsBetween(MotoWorld moto) throws Exception {
        follow(moto, target, Clock.systemUTC(), LiveTailFollower.RENEW_AFTER);
        awaitLiveTail();
        put(moto, "app/web/task-1", lines("first session", 4));
        awaitDelivered(4);

        standIn.endSessions();
        put(moto, "app/web/task-1", lines("between", 4));
        Eventually.waitFor(() -> standIn.sessionsStarted() == 2);
        put(moto, "app/web/task-1", lines("second session", 4));

        awaitDelivered(12);
        assertEachOnce(12);
        assertThat(notices).as("a renewal is not a fallback").isEmpty();
        assertThat(details).contains("starting a new Live Tail session");
    }

    @Test
    void aSessionIsRenewedBeforeAwsEndsIt(MotoWorld moto) throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        follow(moto, target, clock, Duration.ofHours(1));
        awaitLiveTail();
        put(moto, "app/web/task-1", lines("old session", 3));
        awaitDelivered(3);

        clock.advance(Duration.ofHours(1));
        Eventually.waitFor(() -> standIn.sessionsStarted() == 2 && standIn.sessionsOpen() == 1);
        put(moto, "app/web/task-1", lines("new session", 3));

        awaitDelivered(6);
        assertEachOnce(6);
    }

    @Test
    void aSampledSessionSaysSo(MotoWorld moto) throws Exception {
        standIn.sampleAbove(5);
        follow(moto, target, Clock.systemUTC(), LiveTailFollower.RENEW_AFTER);
        awaitLiveTail();
        put(moto, "app/web/task-1", lines("busy", 40));

        Eventually.waitFor(() -> details.stream().anyMatch(d -> d.contains("AWS is sampling; 5 shown")));
        assertThat(details).contains("Live Tail; over 500 lines a second: AWS is sampling; 5 shown");
    }

    private void follow(MotoWorld moto, AwsTarget where, Clock clock, Duration renewAfter) {
        LogsGateway counted = new LogsGateway() {
            private final SdkLogsGateway real = new SdkLogsGateway(moto.clients());

            @Override
            public Page filter(AwsTarget t, String group, String prefix, List<String> streams, long start, String pattern, String token) {
                if (token == null) {
                    polls.incrementAndGet();
                }
                return real.filter(t, group, prefix, streams, start, pattern, token);
            }
        };
        LogFollower.Sink sink = new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                batch.forEach(e -> deliveries.computeIfAbsent(e.message(), k -> new AtomicInteger()).incrementAndGet());
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                details.add(detail);
            }

            @Override
            public void notice(String sentence) {
                notices.add(sentence);
            }
        };
        follower = new LiveTailFollower(new SdkLiveTailGateway(moto.clients()), counted, where, SERVICE, null,
                System.currentTimeMillis() - 60_000, Duration.ofMillis(200), renewAfter, sink, d -> {
                    try {
                        return !stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }, clock);
        thread = new Thread(follower, "live-tail-follower");
        thread.start();
    }

    private void awaitLiveTail() throws InterruptedException {
        Eventually.waitFor(() -> details.contains("Live Tail"));
    }

    private void awaitDelivered(int lines) throws InterruptedException {
        Eventually.waitFor(() -> deliveries.size() >= lines);
    }

    private void assertEachOnce(int lines) {
        assertThat(deliveries).hasSize(lines);
        assertThat(deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    private static List<String> lines(String what, int count) {
        return IntStream.range(0, count).mapToObj(i -> what + " line " + i).toList();
    }

    /** Puts lines through the stand-in, as a task's awslogs driver would: moto keeps them, open sessions are sent them. */
    private void put(MotoWorld moto, String stream, List<String> messages) {
        var logs = moto.clients().logs(target);
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
}
