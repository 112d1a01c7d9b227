package dev.capstan.ops.bluegreen;

import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.ListenerRulesGateway;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.aws.TaskSetGateway;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.Targets;
import dev.capstan.ops.logs.LogReading;
import java.time.Duration;

/**
 * What blue/green deploys and rollbacks read and change through; {@code runs} is the journal, read for
 * who deployed what and when, and for the promotion gate; {@code clock} measures the deploy's wait;
 * {@code tasks} runs the migration a workspace asks for before the new task set is made.
 */
public record BlueGreenServices(EcsGateway ecs, TaskSetGateway taskSets, ListenerRulesGateway rules, TargetHealthGateway targetHealth,
                                TaskDefinitionReader taskDefinitions, LogReading logs, Targets targets, RunStore runs, Duration poll,
                                java.time.Clock clock, dev.capstan.ops.task.OneOffTaskFactory tasks) {
    public static final Duration POLL = Duration.ofSeconds(3);
}
