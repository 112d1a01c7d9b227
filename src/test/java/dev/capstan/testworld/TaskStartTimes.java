package dev.capstan.testworld;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

/**
 * Test-only SDK interceptor that gives tasks the start time real ECS reports and moto never does: the
 * moment RunTask answered for them through these clients. Tasks started elsewhere stay without one.
 */
public final class TaskStartTimes implements ExecutionInterceptor {
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    public void clear() {
        started.clear();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof RunTaskResponse run) {
            Instant now = Instant.now();
            run.tasks().forEach(t -> started.put(t.taskArn(), now));
            return run;
        }
        if (context.response() instanceof DescribeTasksResponse response && !started.isEmpty()) {
            return response.toBuilder().tasks(response.tasks().stream()
                    .map(t -> t.startedAt() == null && started.containsKey(t.taskArn()) ? t.toBuilder().startedAt(started.get(t.taskArn())).build() : t)
                    .toList()).build();
        }
        return context.response();
    }
}
