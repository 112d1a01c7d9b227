package dev.capstan.ui.common;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.domain.Visible;
import dev.capstan.ops.logs.LogFollower;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.logs.LogTail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The service's log from five minutes ago on, followed on a thread of its own (Live Tail where AWS offers it, else polling)
 * from the first {@link #poll()} until {@link #stop()}; each poll takes what arrived since the last.
 */
public final class ServiceLogTail {
    private static final int MAX_LINES = 300;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final ConcurrentLinkedQueue<String> fresh = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final LogReading logs;
    private final Environment env;
    private volatile LogTail follower;
    private boolean started;

    public ServiceLogTail(LogReading logs, Environment env) {
        this.logs = logs;
        this.env = env;
    }

    /** What arrived since the last poll (at most the newest 300 lines); the first poll starts following. */
    public List<String> poll() {
        if (!started) {
            started = true;
            Thread thread = new Thread(this::follow, "service-log-tail");
            thread.setDaemon(true);
            thread.start();
        }
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = fresh.poll()) != null) {
            lines.add(line);
        }
        return lines.size() > MAX_LINES ? List.copyOf(lines.subList(lines.size() - MAX_LINES, lines.size())) : lines;
    }

    /** Stops following (and ends a Live Tail session, which AWS bills by the minute). */
    public void stop() {
        stopped.countDown();
        LogTail running = follower;
        if (running != null) {
            running.stop();
        }
    }

    private void follow() {
        try {
            LogTail tail = logs.tail(env, logs.sources().service(env, env.service()), null,
                    Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli(), true, new LogFollower.Sink() {
                        @Override
                        public void events(List<LogEvent> batch) {
                            batch.forEach(e -> fresh.add(line(e)));
                        }

                        @Override
                        public void state(LogFollower.State state, String detail) {
                            if (state == LogFollower.State.FAILED) {
                                fresh.add("(the log could not be read: " + detail + ")");
                            }
                        }

                        @Override
                        public void notice(String sentence) {
                            fresh.add("(" + sentence + ")");
                        }
                    }, d -> {
                        try {
                            return !stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            return false;
                        }
                    });
            follower = tail;
            if (stopped.getCount() > 0) {
                tail.run();
            }
        } catch (RuntimeException e) {
            fresh.add("(the log could not be read: " + e.getMessage() + ")");
        }
    }

    private static String line(LogEvent event) {
        String stream = event.stream() == null ? "" : event.stream();
        String task = stream.substring(stream.lastIndexOf('/') + 1);
        return TIME.format(Instant.ofEpochMilli(event.timestamp())) + "  " + (task.length() > 8 ? task.substring(0, 8) : task) + "  "
                + Visible.text(event.message());
    }
}
