package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;

/** Writes a line into each awslogs stream of a task's containers, as the containers' output would land there on ECS. */
final class TaskLines {
    private final AwsClients clients;
    private final AwsTarget target;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    TaskLines(AwsClients clients, AwsTarget target) {
        this.clients = clients;
        this.target = target;
    }

    void write(Task task, String line) {
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        var ecs = clients.ecs(target);
        var logs = clients.logs(target);
        for (ContainerDefinition c : ecs.describeTaskDefinition(r -> r.taskDefinition(task.taskDefinitionArn())).taskDefinition().containerDefinitions()) {
            if (c.logConfiguration() == null || !"awslogs".equals(c.logConfiguration().logDriverAsString())) {
                continue;
            }
            String group = c.logConfiguration().options().get("awslogs-group");
            String stream = c.logConfiguration().options().get("awslogs-stream-prefix") + "/" + c.name() + "/" + taskId;
            if (streams.add(group + "/" + stream)) {
                try {
                    logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
                } catch (ResourceAlreadyExistsException e) {
                    // Made by another writer; the stream is what we want either way.
                }
            }
            InputLogEvent event = InputLogEvent.builder().timestamp(Instant.now().toEpochMilli()).message(line).build();
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(List.of(event)));
        }
    }
}
