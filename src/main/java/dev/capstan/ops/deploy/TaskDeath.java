package dev.capstan.ops.deploy;

import dev.capstan.aws.EcsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.domain.TaskProgress;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.logs.LogSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a deploy's new task died, in the words an engineer needs at 3 a.m.: ECS's reason, each container's exit code,
 * and the task's last log lines.
 */
public final class TaskDeath {
    private final EcsGateway ecs;
    private final LogReading logs;

    public TaskDeath(EcsGateway ecs, LogReading logs) {
        this.ecs = ecs;
        this.logs = logs;
    }

    /** What ended the task, and its last lines (oldest first). */
    public record Cause(String reason, List<String> exits, List<String> lastLines) {
        /** "Essential container in task exited; container web exited 1". */
        public String reasonAndExits() {
            List<String> parts = new ArrayList<>();
            parts.add(reason == null ? "no reason given" : reason);
            parts.addAll(exits);
            return String.join("; ", parts);
        }

        /** "; last lines: a / b / c", or nothing when the task wrote none. */
        public String lastLinesClause() {
            return lastLines.isEmpty() ? "" : "; last lines: " + String.join(" / ", lastLines);
        }
    }

    /** @param lines how many of the task's last log lines to keep */
    public Cause of(Environment environment, AwsTarget target, String taskArn, int lines) {
        TaskProgress progress = ecs.task(target, environment.cluster(), taskArn).orElse(null);
        String reason = progress == null ? "ECS no longer knows the task" : progress.stoppedReason();
        List<String> exits = progress == null ? List.of() : progress.containers().stream()
                .map(c -> "container " + c.name() + (c.exitCode() == null ? " never exited" : " exited " + c.exitCode())).toList();
        return new Cause(reason, exits, lastLines(environment, taskArn, lines));
    }

    private List<String> lastLines(Environment environment, String taskArn, int lines) {
        try {
            LogSource source = logs.sources().task(environment, taskArn);
            List<LogEvent> events = logs.gateway().filter(logs.sources().target(environment), source.group(), null, source.streams(),
                    logs.clock().millis() - 3_600_000L, null, null).events();
            return events.subList(Math.max(0, events.size() - lines), events.size()).stream().map(e -> e.message().strip()).toList();
        } catch (RuntimeException e) {
            return List.of("(its log could not be read: " + e.getMessage() + ")");
        }
    }
}
