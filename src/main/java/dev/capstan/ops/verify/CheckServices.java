package dev.capstan.ops.verify;

import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.LogsGateway;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.db.RegionConfigStore;
import dev.capstan.ops.Targets;
import dev.capstan.ops.logs.LogSources;
import java.net.http.HttpClient;
import java.time.Clock;

/** What the checks read through. Nothing here changes anything. */
public record CheckServices(EcsGateway ecs, TaskDefinitionReader taskDefinitions, TargetHealthGateway targetHealth, LogsGateway logs,
                            LogSources logSources, RegionConfigStore regions, Targets targets, HttpClient http, Clock clock) {
}
