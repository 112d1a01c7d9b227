package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.ops.logs.LogFollower;
import dev.capstan.ops.logs.LogSource;
import dev.capstan.ops.logs.LogTail;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "logs", description = "Print (and with --follow, keep printing) CloudWatch log lines of a service, a task or a log group.")
final class LogsCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    static final class Which {
        @Option(names = "--service", paramLabel = "S", description = "A service of the environment's cluster (default: the workspace's service).")
        String service;
        @Option(names = "--task", paramLabel = "ARN", description = "One task of the environment's cluster.")
        String task;
        @Option(names = "--group", paramLabel = "G", description = "A whole log group.")
        String group;
    }

    @ArgGroup(exclusive = true)
    Which which = new Which();

    @Option(names = "--since", defaultValue = "10m", paramLabel = "DURATION", description = "How far back to start, such as 90s, 10m, 2h (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--follow", description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--filter", paramLabel = "PATTERN", description = "A CloudWatch filter pattern, applied by CloudWatch.")
    String filter;

    @Override
    public Integer call() throws Exception {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogSource source;
        long start;
        try {
            start = Instant.now().minus(dev.capstan.domain.Durations.parse(since)).toEpochMilli();
            source = which.group != null ? LogSource.group(which.group)
                    : which.task != null ? root.services().logs().sources().task(environment, which.task)
                    : root.services().logs().sources().service(environment, which.service != null ? which.service : requireService(environment));
        } catch (RuntimeException e) {
            err.println("capstan: " + e.getMessage());
            return 1;
        }
        CountDownLatch interrupted = new CountDownLatch(1);
        String[] failure = {null};
        LogTail follower = root.services().logs().tail(environment, source, filter, start, follow, new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                for (LogEvent e : batch) {
                    out.println(TIME.format(Instant.ofEpochMilli(e.timestamp())) + "  " + e.stream() + "  " + e.message());
                }
                out.flush();
            }

            @Override
            public void notice(String sentence) {
                err.println("capstan: " + sentence);
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                if (state == LogFollower.State.BACKING_OFF) {
                    err.println("capstan: " + detail);
                } else if (state == LogFollower.State.FAILED) {
                    failure[0] = detail;
                }
            }
        }, duration -> {
            try {
                return !interrupted.await(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        });
        Thread stopper = new Thread(() -> {
            follower.stop();
            interrupted.countDown();
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        follower.run();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is already running.
        }
        if (failure[0] != null) {
            err.println("capstan: " + failure[0]);
            return 1;
        }
        return 0;
    }

    private static String requireService(Environment environment) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service; pass --service, --task or --group.");
        }
        return environment.service();
    }
}
