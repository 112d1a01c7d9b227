package dev.capstan.ops.verify;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.ServiceTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** As many tasks RUNNING as the service desires, none on its way up or down. */
final class TasksRunningCheck implements Check {
    private final CheckServices services;

    TasksRunningCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "tasks-running";
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "All tasks of " + environment.service() + " are RUNNING, as many as it desires";
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        AwsTarget target = services.targets().of(environment);
        ServiceStatus service = services.ecs().service(target, environment.cluster(), environment.service());
        List<ServiceTask> live = services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service()).stream()
                .filter(t -> "RUNNING".equals(t.desiredStatus())).toList();
        List<String> evidence = new ArrayList<>();
        evidence.add(environment.service() + " desires " + service.desiredCount() + " tasks");
        live.forEach(t -> evidence.add("task " + t.shortId() + " is " + t.lastStatus()));
        long running = live.stream().filter(ServiceTask::running).count();
        boolean passed = running == service.desiredCount() && live.size() == service.desiredCount();
        String counts = running + " of " + service.desiredCount() + " tasks RUNNING" + (live.size() > running ? ", " + (live.size() - running)
                + " on their way" : "");
        return passed ? CheckOutcome.pass(counts, evidence) : CheckOutcome.fail(counts, evidence);
    }
}
