package dev.capstan.ops.logs;

import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Targets;
import java.util.List;

/**
 * Works out which log group and streams hold a service's or a task's output, from the awslogs options of
 * the task definition it runs: streams are named {@code awslogs-stream-prefix/container/task-id}.
 */
public final class LogSources {
    private final EcsGateway ecs;
    private final TaskDefinitionReader taskDefinitions;
    private final Targets targets;

    public LogSources(EcsGateway ecs, TaskDefinitionReader taskDefinitions, Targets targets) {
        this.ecs = ecs;
        this.taskDefinitions = taskDefinitions;
        this.targets = targets;
    }

    public AwsTarget target(Environment environment) {
        return targets.of(environment);
    }

    /** Every task of the service (running or stopped), through its container's stream prefix. */
    public LogSource service(Environment environment, String service) {
        AwsTarget target = targets.of(environment);
        String taskDefinition = ecs.service(target, environment.cluster(), service).taskDefinition();
        TaskDefRevision.Container container = loggingContainer(environment, taskDefinitions.revision(target, taskDefinition));
        String prefix = container.logOptions().get("awslogs-stream-prefix");
        return new LogSource("service " + service + " (" + container.name() + ")", container.logOptions().get("awslogs-group"),
                prefix == null ? null : prefix + "/" + container.name() + "/", List.of());
    }

    /** Every awslogs container of one task. */
    public LogSource task(Environment environment, String taskArn) {
        AwsTarget target = targets.of(environment);
        TaskDefRevision revision = taskDefinitions.revision(target, ecs.taskDefinitionOf(target, environment.cluster(), taskArn));
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        List<TaskDefRevision.Container> logging = revision.containers().stream().filter(c -> "awslogs".equals(c.logDriver())).toList();
        if (logging.isEmpty()) {
            throw new IllegalArgumentException(revision.name() + " sends no container's output to CloudWatch (no awslogs log driver).");
        }
        String group = logging.get(0).logOptions().get("awslogs-group");
        List<String> streams = logging.stream().filter(c -> c.logOptions().get("awslogs-stream-prefix") != null)
                .map(c -> c.logOptions().get("awslogs-stream-prefix") + "/" + c.name() + "/" + taskId).toList();
        return new LogSource("task " + taskId, group, null, streams);
    }

    /** The workspace's container if it logs to CloudWatch, else the first container that does. */
    private static TaskDefRevision.Container loggingContainer(Environment environment, TaskDefRevision revision) {
        return revision.containers().stream()
                .filter(c -> "awslogs".equals(c.logDriver()))
                .filter(c -> environment.container() == null || c.name().equals(environment.container()))
                .findFirst()
                .or(() -> revision.containers().stream().filter(c -> "awslogs".equals(c.logDriver())).findFirst())
                .orElseThrow(() -> new IllegalArgumentException(revision.name() + " sends no container's output to CloudWatch (no awslogs log driver); "
                        + "choose its log group by name instead."));
    }
}
