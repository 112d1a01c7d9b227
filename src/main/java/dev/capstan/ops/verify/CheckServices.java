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
import java.util.function.Supplier;

/**
 * What the checks read through. Nothing here changes anything. The HTTP client is made by the first HTTP check
 * (its TLS set-up is a noticeable part of a short command's start).
 */
public record CheckServices(EcsGateway ecs, TaskDefinitionReader taskDefinitions, TargetHealthGateway targetHealth, LogsGateway logs,
                            LogSources logSources, RegionConfigStore regions, Targets targets, Supplier<HttpClient> httpClient, Clock clock) {

    public HttpClient http() {
        return httpClient.get();
    }
}
