package dev.capstan.ops.verify;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskDefRevision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The service, and every task it runs, on the newest revision of its family (or the one named with revision: FAMILY:REV). */
final class ServiceRevisionCheck implements Check {
    private final CheckServices services;

    ServiceRevisionCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "service-revision";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("revision");
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return environment.service() + " and all its tasks run " + Params.optional(with, "revision", "the newest revision of its family");
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        AwsTarget target = services.targets().of(environment);
        ServiceStatus service = services.ecs().service(target, environment.cluster(), environment.service());
        TaskDefRevision running = services.taskDefinitions().revision(target, service.taskDefinition());
        String wanted;
        List<String> evidence = new ArrayList<>();
        evidence.add(environment.service() + "'s PRIMARY deployment runs " + running.name());
        if (with.containsKey("revision")) {
            wanted = services.taskDefinitions().revision(target, Params.required(kind(), with, "revision")).name();
            evidence.add("the runbook asks for " + wanted);
        } else {
            List<TaskDefRevision> family = services.taskDefinitions().revisions(target, running.family());
            wanted = family.isEmpty() ? running.name() : family.get(0).name();
            evidence.add("the newest revision of " + running.family() + " is " + wanted);
        }
        boolean passed = running.name().equals(wanted);
        for (ServiceTask task : services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service())) {
            if (!task.running()) {
                continue;
            }
            String revision = services.taskDefinitions().revision(target,
                    services.ecs().taskDefinitionOf(target, environment.cluster(), task.arn())).name();
            evidence.add("task " + task.shortId() + " runs " + revision);
            passed &= revision.equals(wanted);
        }
        return passed ? CheckOutcome.pass(environment.service() + " and its tasks run " + wanted, evidence)
                : CheckOutcome.fail("Not everything runs " + wanted, evidence);
    }
}
