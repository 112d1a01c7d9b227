package dev.capstan.ops.task;

import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.NetworkGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.ops.Targets;
import dev.capstan.ops.logs.LogReading;
import java.time.Duration;

/**
 * What a one-off task run reads and changes through.
 *
 * @param poll  how often the watch asks ECS and CloudWatch for news
 * @param clock what the watch's timeout is measured by
 */
public record TaskRunServices(EcsGateway ecs, NetworkGateway network, TaskDefinitionReader taskDefinitions, LogReading logs,
                              Targets targets, Duration poll, java.time.Clock clock) {
    public static final Duration POLL = Duration.ofSeconds(3);
}
