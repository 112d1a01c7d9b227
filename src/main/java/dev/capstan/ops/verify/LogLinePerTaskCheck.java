package dev.capstan.ops.verify;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.logs.LogSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each running task has logged a line with the term (a health check, say) since the deploy, in its own stream. */
final class LogLinePerTaskCheck implements Check {
    private final CheckServices services;

    LogLinePerTaskCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "log-line-per-task";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("pattern", "since");
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "Each running task of " + environment.service() + " logged \"" + with.getOrDefault("pattern", "?") + "\"";
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        String pattern = Params.required(kind(), with, "pattern");
        Instant from = Params.since(kind(), with, "since", since, services.clock().instant());
        AwsTarget target = services.targets().of(environment);
        LogSource source = services.logSources().service(environment, environment.service());
        if (source.streamPrefix() == null) {
            throw new IllegalArgumentException(environment.service() + "'s container logs without an awslogs-stream-prefix, so a task's lines "
                    + "cannot be told apart.");
        }
        List<String> evidence = new ArrayList<>();
        boolean passed = true;
        List<ServiceTask> running = services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service()).stream()
                .filter(ServiceTask::running).toList();
        for (ServiceTask task : running) {
            List<LogEvent> seen = LogLines.matching(services.logs(), target, source, List.of(source.streamPrefix() + task.id()), pattern,
                    from.toEpochMilli(), 1);
            evidence.add("task " + task.shortId() + (seen.isEmpty() ? ": no \"" + pattern + "\" line since " + from
                    : ": " + Instant.ofEpochMilli(seen.get(0).timestamp()) + " " + seen.get(0).message()));
            passed &= !seen.isEmpty();
        }
        if (running.isEmpty()) {
            evidence.add(environment.service() + " runs no task");
            passed = false;
        }
        return passed ? CheckOutcome.pass("All " + running.size() + " tasks logged \"" + pattern + "\"", evidence)
                : CheckOutcome.fail("Not every task logged \"" + pattern + "\"", evidence);
    }
}
