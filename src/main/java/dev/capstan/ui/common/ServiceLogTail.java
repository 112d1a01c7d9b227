package dev.capstan.ui.common;

import dev.capstan.domain.Visible;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.ops.logs.LogFollower;
import dev.capstan.ops.logs.LogReading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The service's log from five minutes ago on, read a page at a time on each tick rather than on a thread of its own. */
public final class ServiceLogTail {
    private static final int MAX_LINES = 300;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final List<String> fresh = new ArrayList<>();
    private final LogReading logs;
    private final Environment env;
    private LogFollower follower;

    public ServiceLogTail(LogReading logs, Environment env) {
        this.logs = logs;
        this.env = env;
    }

    /** Reads what is new since the last poll; call from one background job at a time. */
    public List<String> poll() {
        try {
            if (follower == null) {
                follower = logs.follower(env, logs.sources().service(env, env.service()), null,
                        Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli(), true, new LogFollower.Sink() {
                            @Override
                            public void events(List<LogEvent> batch) {
                                batch.forEach(e -> fresh.add(line(e)));
                            }

                            @Override
                            public void state(LogFollower.State state, String detail) {
                            }
                        }, d -> false);
            }
            follower.pollOnce();
        } catch (RuntimeException e) {
            fresh.add("(the log could not be read: " + e.getMessage() + ")");
        }
        List<String> lines = List.copyOf(fresh.size() > MAX_LINES ? fresh.subList(fresh.size() - MAX_LINES, fresh.size()) : fresh);
        fresh.clear();
        return lines;
    }

    private static String line(LogEvent event) {
        String stream = event.stream() == null ? "" : event.stream();
        String task = stream.substring(stream.lastIndexOf('/') + 1);
        return TIME.format(Instant.ofEpochMilli(event.timestamp())) + "  " + (task.length() > 8 ? task.substring(0, 8) : task) + "  "
                + Visible.text(event.message());
    }
}
