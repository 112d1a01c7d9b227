package dev.capstan.ops.restart;

import dev.capstan.aws.AutoScalingGateway;
import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.LogsGateway;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.ops.Targets;
import dev.capstan.ops.logs.LogSources;
import java.time.Clock;
import java.time.Duration;

/**
 * What a rolling restart reads and changes through.
 *
 * @param poll  how often its waits look again
 * @param clock what its waits measure their timeouts by
 */
public record RestartServices(EcsGateway ecs, AutoScalingGateway autoScaling, TargetHealthGateway targetHealth, LogsGateway logs,
                              LogSources logSources, TaskDefinitionReader taskDefinitions, Targets targets, Duration poll,
                              Clock clock) {
    public static final Duration POLL = Duration.ofSeconds(3);
}
