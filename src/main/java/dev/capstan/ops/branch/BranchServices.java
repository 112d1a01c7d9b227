package dev.capstan.ops.branch;

import dev.capstan.aws.BranchGateway;
import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.ListenerRulesGateway;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskDefinitionRegistry;
import dev.capstan.ops.Targets;
import dev.capstan.ops.task.OneOffTaskFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * What branch environments are made with: ECS and ELB through their gateways, the one-off tasks that seed them, the clock
 * their ages and waits are told by, and how often a wait looks.
 */
public record BranchServices(BranchGateway branches, EcsGateway ecs, TaskDefinitionRegistry registry, ListenerRulesGateway rules, TargetHealthGateway health,
                             Targets targets, OneOffTaskFactory tasks, Clock clock, Duration poll) {
    public static final Duration POLL = Duration.ofSeconds(3);
}
