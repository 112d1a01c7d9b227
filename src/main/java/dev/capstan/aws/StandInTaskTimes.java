package dev.capstan.aws;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * For local stand-ins only (moto): ECS always reports when a task was created and started, moto never
 * does. This fills the gap in DescribeTasks answers with the time these clients first saw the task
 * (created) and first saw it RUNNING (started), so checks such as "the newest tasks started after the
 * deploy" have something to read. Times ECS did report are never touched.
 */
public final class StandInTaskTimes implements ExecutionInterceptor {
    private final Map<String, Instant> created = new ConcurrentHashMap<>();
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof DescribeTasksResponse response)) {
            return context.response();
        }
        return response.toBuilder().tasks(response.tasks().stream().map(this::timed).toList()).build();
    }

    private Task timed(Task task) {
        Instant now = Instant.now();
        Task.Builder b = task.toBuilder();
        if (task.createdAt() == null) {
            b.createdAt(created.computeIfAbsent(task.taskArn(), arn -> now));
        }
        if (task.startedAt() == null && ("RUNNING".equals(task.lastStatus()) || started.containsKey(task.taskArn()))) {
            b.startedAt(started.computeIfAbsent(task.taskArn(), arn -> now));
        }
        return b.build();
    }
}
