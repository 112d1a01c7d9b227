package dev.capstan.ops.verify;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every running task started after a moment (after: an instant or 30m; by default when the runbook run began): nothing old left serving. */
final class TasksStartedAfterCheck implements Check {
    private final CheckServices services;

    TasksStartedAfterCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "tasks-started-after";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("after");
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "Every running task of " + environment.service() + " started after " + Params.optional(with, "after", "the runbook began");
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        Instant after = Params.since(kind(), with, "after", since, services.clock().instant());
        AwsTarget target = services.targets().of(environment);
        List<ServiceTask> running = services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service()).stream()
                .filter(ServiceTask::running).toList();
        List<String> evidence = new ArrayList<>();
        evidence.add("tasks must have started after " + after);
        boolean passed = !running.isEmpty();
        for (ServiceTask task : running) {
            Instant started = task.startedAt() != null ? task.startedAt() : task.createdAt();
            boolean late = started != null && started.isAfter(after);
            evidence.add(started == null ? "task " + task.shortId() + ": ECS reported neither a start nor a creation time, so it cannot count as new"
                    : "task " + task.shortId() + " started " + started + (late ? "" : ": before"));
            passed &= late;
        }
        if (running.isEmpty()) {
            evidence.add(environment.service() + " runs no task");
        }
        return passed ? CheckOutcome.pass(running.size() + " tasks, all started after " + after, evidence)
                : CheckOutcome.fail("A running task started before " + after, evidence);
    }
}
