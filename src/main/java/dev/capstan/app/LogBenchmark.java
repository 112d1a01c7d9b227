package dev.capstan.app;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.SdkLogsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import dev.capstan.aws.SdkLiveTailGateway;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.ops.logs.LiveTailFollower;
import dev.capstan.ops.logs.LogFollower;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.logs.LogSource;
import dev.capstan.ops.logs.LogTail;
import dev.capstan.sandbox.LiveTailStandIn;
import dev.capstan.sandbox.MotoServer;
import dev.capstan.sandbox.SandboxEstate;
import dev.capstan.sandbox.SandboxProfiles;
import dev.capstan.sandbox.Trees;
import dev.capstan.ui.logs.LogView;
import dev.capstan.ui.logs.LogViewModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The log view's figures on this machine: how long a line takes from PutLogEvents to the view model by Live Tail and by
 * polling; events per second from FilterLogEvents pages (moto) into the view model; the FX thread's longest and median frame while the real view is fed 5,000 lines a second;
 * the heap that 100,000 lines hold. Needs a display for the second part (xvfb-run on a server).
 */
final class LogBenchmark {
    private static final int EVENTS = 50_000;
    private static final int STREAMS = 10;

    private LogBenchmark() {
    }

    static int run(PrintWriter out) throws Exception {
        latency(out);
        ingestion(out);
        heap(out);
        pulses(out);
        return 0;
    }

    private static void ingestion(PrintWriter out) throws Exception {
        Path directory = Files.createTempDirectory("capstan-logbench-");
        // Resources close in reverse order: the directory goes once moto has stopped writing its log into it.
        try (AutoCloseable cleanUp = () -> Trees.delete(directory);
             MotoServer moto = MotoServer.start(directory.resolve("moto.log"))) {
            SandboxProfiles.write(directory.resolve("config"), directory.resolve("credentials"), moto.endpoint());
            try (AwsClients clients = new AwsClients(new ProfileCatalog(directory.resolve("config"), directory.resolve("credentials")),
                    AwsClientSettings.forLocalStandIn())) {
                AwsTarget target = new AwsTarget(SandboxEstate.PROFILE, SandboxEstate.REGION, moto.endpoint());
                long base = System.currentTimeMillis() - 60_000;
                new dev.capstan.aws.sandbox.EstateSeeder(clients, target).logGroupWithEvents("/bench/app", STREAMS, EVENTS / STREAMS, base);
                out.printf("Seeded %d events in %d streams; reading them back…%n", EVENTS, STREAMS);
                out.flush();
                LogViewModel model = new LogViewModel(null, null, null, new SimpleObjectProperty<>());
                AtomicLong delivered = new AtomicLong();
                long start = System.nanoTime();
                new LogFollower(new SdkLogsGateway(clients), target, LogSource.group("/bench/app"), null, base - 1000, false, Duration.ZERO,
                        new LogFollower.Sink() {
                            @Override
                            public void events(List<LogEvent> batch) {
                                model.offer(batch);
                                delivered.addAndGet(batch.size());
                                model.drain();
                            }

                            @Override
                            public void state(LogFollower.State state, String detail) {
                            }
                        }, d -> true, Clock.systemUTC()).run();
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("Ingestion: %d events from FilterLogEvents pages into the view model in %.2f s: %.0f events/s%n",
                        delivered.get(), seconds, delivered.get() / seconds);
            }
        }
    }

    /**
     * From the moment a line is put (PutLogEvents) to the moment the follower hands it to the log view's model, for both ways of
     * following: Live Tail against the local stand-in (which sends at once; AWS sends an update about once a second), and
     * polling FilterLogEvents every 2 s against moto.
     */
    private static void latency(PrintWriter out) throws Exception {
        Path directory = Files.createTempDirectory("capstan-logbench-");
        try (AutoCloseable cleanUp = () -> Trees.delete(directory);
             MotoServer moto = MotoServer.start(directory.resolve("moto.log"));
             LiveTailStandIn liveTail = LiveTailStandIn.inFrontOf(moto.endpoint())) {
            SandboxProfiles.write(directory.resolve("config"), directory.resolve("credentials"), moto.endpoint());
            try (AwsClients clients = new AwsClients(new ProfileCatalog(directory.resolve("config"), directory.resolve("credentials")),
                    AwsClientSettings.forLocalStandIn())) {
                AwsTarget live = new AwsTarget(SandboxEstate.PROFILE, SandboxEstate.REGION, liveTail.endpoint());
                AwsTarget polled = new AwsTarget(SandboxEstate.PROFILE, SandboxEstate.REGION, moto.endpoint());
                new EstateSeeder(clients, live).logStream("/bench/latency", "app/web/task");
                LogSource source = new LogSource("bench", "/bench/latency", "app/web/", List.of());
                out.println("Latency from PutLogEvents to the log view's model, " + LATENCY_LINES + " lines, one every 200 ms:");
                measureLatency(out, clients, live, "Live Tail (local stand-in)", (sink, stop) -> new LiveTailFollower(
                        new SdkLiveTailGateway(clients), new SdkLogsGateway(clients), live, source, null, System.currentTimeMillis(),
                        LogReading.POLL, LiveTailFollower.RENEW_AFTER, sink, stop, Clock.systemUTC()));
                measureLatency(out, clients, live, "polling every " + LogReading.POLL.toSeconds() + " s (moto)", (sink, stop) -> new LogFollower(
                        new SdkLogsGateway(clients), polled, source, null, System.currentTimeMillis(), true, LogReading.POLL, sink, stop,
                        Clock.systemUTC()));
            }
        }
    }

    private static final int LATENCY_LINES = 40;

    private static void measureLatency(PrintWriter out, AwsClients clients, AwsTarget target, String path,
                                       java.util.function.BiFunction<LogFollower.Sink, LogFollower.Sleeper, LogTail> tailer) throws Exception {
        LogViewModel model = new LogViewModel(null, null, null, new SimpleObjectProperty<>());
        java.util.Map<String, Long> putAt = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch live = new CountDownLatch(1);
        String run = Long.toString(System.nanoTime(), 36);
        EstateSeeder writer = new EstateSeeder(clients, target);
        LogTail tail = tailer.apply(new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                long now = System.nanoTime();
                model.offer(batch);
                for (LogEvent event : batch) {
                    Long at = putAt.get(event.message());
                    if (at != null) {
                        latencies.add(now - at);
                    }
                }
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                if (state == LogFollower.State.LIVE) {
                    live.countDown();
                }
            }
        }, d -> {
            try {
                return !stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        });
        Thread thread = new Thread(tail, "bench-tail");
        thread.start();
        live.await(30, TimeUnit.SECONDS);
        for (int i = 0; i < LATENCY_LINES; i++) {
            String message = "latency " + run + " line " + i;
            long at = System.nanoTime();
            putAt.put(message, at);
            writer.putLine("/bench/latency", "app/web/task", message);
            TimeUnit.MILLISECONDS.sleep(200);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (latencies.size() < LATENCY_LINES && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        tail.stop();
        stop.countDown();
        thread.join(10_000);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            out.printf("  %-28s no line arrived%n", path);
        } else {
            out.printf("  %-28s %d of %d lines; median %.0f ms, 90th percentile %.0f ms, longest %.0f ms%n", path, sorted.size(), LATENCY_LINES,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        }
        out.flush();
    }

    private static void heap(PrintWriter out) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        LogViewModel model = new LogViewModel(null, null, null, new SimpleObjectProperty<>());
        List<LogEvent> lines = new ArrayList<>();
        for (int i = 0; i < LogViewModel.DEFAULT_CAP; i++) {
            lines.add(new LogEvent("3" + (37_000_000_000L + i), 1_700_000_000_000L + i, "app/web/0a1b2c3d4e5f" + (i % 8),
                    "INFO [HealthCheckService] GET /health 200 in " + (i % 40) + " ms request-id " + Integer.toHexString(i * 7919)));
        }
        model.offer(lines);
        lines = null;
        model.drain();
        model.drain();
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        out.printf("Heap: %d lines held use %.1f MB (%d bytes a line)%n", model.lines().size(), (after - before) / 1e6,
                (after - before) / Math.max(1, model.lines().size()));
    }

    private static void pulses(PrintWriter out) throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // started by someone else in this JVM
        } catch (UnsupportedOperationException | Error noDisplay) {
            out.println("FX pulses: skipped, no display (run under xvfb-run).");
            return;
        }
        LogViewModel model = new LogViewModel(null, null, null, new SimpleObjectProperty<>());
        List<Long> frames = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch shown = new CountDownLatch(1);
        AnimationTimer[] meter = new AnimationTimer[1];
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            dev.capstan.ui.shell.Themes.apply(dev.capstan.ui.shell.ShellModel.Theme.LIGHT);
            stage[0] = new Stage();
            stage[0].setScene(new Scene((javafx.scene.Parent) new LogView(model).node(), 1200, 800));
            stage[0].show();
            meter[0] = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        frames.add(now - last);
                    }
                    last = now;
                }
            };
            meter[0].start();
            shown.countDown();
        });
        shown.await(10, TimeUnit.SECONDS);
        // The first second shows the window and lays it out once; the figures are of the steady feed after it.
        Thread.sleep(1000);
        frames.clear();
        int seconds = 10;
        int perTick = 100;
        long tick = TimeUnit.MILLISECONDS.toNanos(20);
        long next = System.nanoTime();
        long id = 0;
        for (int t = 0; t < seconds * 50; t++) {
            List<LogEvent> batch = new ArrayList<>(perTick);
            for (int i = 0; i < perTick; i++, id++) {
                batch.add(new LogEvent(Long.toString(id), System.currentTimeMillis(), "app/web/task-" + (id % 4),
                        (id % 97 == 0 ? "ERROR " : "INFO ") + "request " + id + " served"));
            }
            model.offer(batch);
            next += tick;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        CompletableFuture<Integer> size = new CompletableFuture<>();
        Platform.runLater(() -> {
            meter[0].stop();
            size.complete(model.lines().size());
            stage[0].close();
        });
        int held = size.get(10, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(frames);
        Collections.sort(sorted);
        long over50 = sorted.stream().filter(f -> f > 50_000_000L).count();
        List<String> when = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i) > 50_000_000L) {
                when.add("frame " + i + ": " + frames.get(i) / 1_000_000 + " ms");
            }
        }
        out.printf("FX pulses while fed %d lines/s for %d s (%d lines shown): %d frames, median %.1f ms, 99th percentile %.1f ms, "
                        + "longest %.1f ms, %d over 50 ms%n", perTick * 50, seconds, held, sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() * 99 / 100) / 1e6, sorted.get(sorted.size() - 1) / 1e6, over50);
        if (!when.isEmpty()) {
            out.println("  frames over 50 ms: " + String.join(", ", when));
        }
        // The first frames of the feed lay out and compile the cell code; after them is the steady state a person watches.
        long steady = frames.stream().skip(5).mapToLong(Long::longValue).max().orElse(0);
        out.printf("  longest frame after the first 5 of the feed: %.1f ms%n", steady / 1e6);
        Platform.exit();
    }
}
