package dev.capstan.ops.verify;

import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TargetGroupInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every target of every target group the service registers in is healthy (or draining away), and each group has at least one. */
final class TargetsHealthyCheck implements Check {
    private final CheckServices services;

    TargetsHealthyCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "targets-healthy";
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "Every target of " + environment.service() + "'s target groups is healthy";
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        AwsTarget target = services.targets().of(environment);
        List<String> groups = services.ecs().targetGroupsOf(target, environment.cluster(), environment.service());
        List<String> evidence = new ArrayList<>();
        boolean passed = !groups.isEmpty();
        int healthy = 0;
        if (groups.isEmpty()) {
            evidence.add(environment.service() + " registers in no target group");
        }
        for (String group : groups) {
            List<TargetGroupInfo.Target> targets = services.targetHealth().health(target, group);
            String name = TargetHealthGateway.name(group);
            if (targets.isEmpty()) {
                evidence.add(name + " has no targets");
                passed = false;
            }
            for (TargetGroupInfo.Target t : targets) {
                String why = t.description() != null ? t.description() : t.reason();
                evidence.add(name + ": " + t.id() + ":" + t.port() + " " + t.state() + (why == null ? "" : " (" + why + ")"));
                // A draining target is one ELB is letting go (a stopped task's): reported, not held against the service.
                passed &= "healthy".equals(t.state()) || "draining".equals(t.state());
                healthy += "healthy".equals(t.state()) ? 1 : 0;
            }
        }
        return passed ? CheckOutcome.pass(healthy + " targets, all healthy", evidence) : CheckOutcome.fail("Not every target is healthy", evidence);
    }
}
