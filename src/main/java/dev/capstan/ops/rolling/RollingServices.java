package dev.capstan.ops.rolling;

import dev.capstan.aws.AutoScalingGateway;
import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.RolloutGateway;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.aws.TaskSetGateway;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.Targets;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.task.OneOffTaskFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * What rolling deploys and rollbacks read and change through: ECS (tasks, rollouts, the revision a deploy registers), the auto
 * scaling group a deploy may raise for room,
 * target health, the journals (the deploy history a rollback picks its revision from), the one-off tasks a migration
 * runs as, and the wait's rhythm and clock.
 */
public record RollingServices(EcsGateway ecs, RolloutGateway rollouts, TaskSetGateway revisions, AutoScalingGateway autoScaling,
                              TargetHealthGateway targetHealth,
                              TaskDefinitionReader taskDefinitions, LogReading logs, Targets targets, RunStore runs, OneOffTaskFactory tasks,
                              Duration poll, Clock clock) {
    public static final Duration POLL = Duration.ofSeconds(3);
}
