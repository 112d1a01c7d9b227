package dev.capstan.ops.taskdefs;

import dev.capstan.domain.TaskDefRevision;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a task definition revision can run on Fargate, as teams moving from EC2 or Docker Compose learn it the hard way:
 * the compatibility and network mode, a valid task-level cpu/memory pair, no links, host ports equal to
 * container ports, awslogs logging, and no reliance on compose-style start ordering.
 */
public final class FargateReadiness {
    private FargateReadiness() {
    }

    public static List<Finding> check(TaskDefRevision t) {
        List<Finding> findings = new ArrayList<>();
        if (!t.requiresCompatibilities().contains("FARGATE")) {
            findings.add(blocker("requiresCompatibilities is " + t.requiresCompatibilities() + ": add FARGATE so ECS accepts the revision for Fargate."));
        }
        if (!"awsvpc".equals(t.networkMode())) {
            findings.add(blocker("Network mode is " + t.networkMode() + "; Fargate needs awsvpc, where containers of a task reach each other on localhost."));
        }
        findings.addAll(size(t));
        for (TaskDefRevision.Container c : t.containers()) {
            if (!c.links().isEmpty()) {
                findings.add(blocker("Container " + c.name() + " uses links " + c.links()
                        + "; awsvpc has no links: reach the other containers on localhost instead."));
            }
            for (TaskDefRevision.Port p : c.ports()) {
                if (p.hostPort() != null && p.hostPort() != 0 && !p.hostPort().equals(p.containerPort())) {
                    findings.add(blocker("Container " + c.name() + " maps host port " + p.hostPort() + " to " + p.containerPort()
                            + "; on Fargate the host port must equal the container port (" + p.containerPort() + ")."));
                }
            }
            if (!"awslogs".equals(c.logDriver())) {
                findings.add(warning("Container " + c.name() + " logs with " + (c.logDriver() == null ? "no log driver" : c.logDriver())
                        + "; use awslogs (awslogs-group, awslogs-region, awslogs-stream-prefix) so its output reaches CloudWatch."));
            }
            // "name START" only orders the starts; HEALTHY, SUCCESS and COMPLETE make ECS wait for the other container.
            List<String> startOnly = c.dependsOn().stream().filter(d -> d.endsWith(" START")).toList();
            if (!startOnly.isEmpty()) {
                findings.add(warning("Container " + c.name() + " depends on " + startOnly
                        + " starting; ECS only orders container starts, it does not wait for a service to be ready: give that container a "
                        + "health check and depend on it being HEALTHY, or make the app retry its connections."));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(Finding.Severity.OK, t.name() + " is ready for Fargate."));
        }
        return findings;
    }

    private static List<Finding> size(TaskDefRevision t) {
        if (t.cpu() == null || t.memory() == null) {
            return List.of(blocker("The task has no task-level cpu and memory; Fargate needs both, such as cpu 256 with memory 512."));
        }
        int cpu;
        int memory;
        try {
            cpu = Integer.parseInt(t.cpu().trim());
            memory = Integer.parseInt(t.memory().trim());
        } catch (NumberFormatException e) {
            return List.of(blocker("cpu '" + t.cpu() + "' and memory '" + t.memory() + "' must be numbers (cpu units, MiB) for Fargate."));
        }
        int[] allowed = FargateSizes.memoryFor(cpu).orElse(null);
        if (allowed == null) {
            return List.of(blocker("cpu " + cpu + " is not a Fargate size; use one of " + FargateSizes.cpuSizes() + "."));
        }
        for (int m : allowed) {
            if (m == memory) {
                return List.of();
            }
        }
        return List.of(blocker("cpu " + cpu + " with memory " + memory + " is not a Fargate pair; with cpu " + cpu + " use memory from "
                + allowed[0] + " to " + allowed[allowed.length - 1] + (allowed.length > 3 ? " in steps of " + (allowed[1] - allowed[0]) : "") + "."));
    }

    private static Finding blocker(String sentence) {
        return new Finding(Finding.Severity.BLOCKER, sentence);
    }

    private static Finding warning(String sentence) {
        return new Finding(Finding.Severity.WARNING, sentence);
    }
}
