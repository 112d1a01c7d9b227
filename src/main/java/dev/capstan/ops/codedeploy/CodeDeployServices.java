package dev.capstan.ops.codedeploy;

import dev.capstan.aws.CodeDeployGateway;
import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.aws.TaskSetGateway;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.Targets;
import dev.capstan.ops.task.OneOffTaskFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * What deploys through CodeDeploy read and change through: CodeDeploy itself, ECS (the service's task sets, the revision a
 * deploy registers), target health, the journals (the history a rollback picks its revision from), the one-off tasks a
 * migration runs as, and the wait's rhythm and clock.
 */
public record CodeDeployServices(CodeDeployGateway codeDeploy, EcsGateway ecs, TaskSetGateway taskSets, TargetHealthGateway targetHealth,
                                 TaskDefinitionReader taskDefinitions, Targets targets, RunStore runs, OneOffTaskFactory tasks, Duration poll,
                                 Clock clock) {
    public static final Duration POLL = Duration.ofSeconds(3);
}
