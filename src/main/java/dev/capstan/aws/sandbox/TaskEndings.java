package dev.capstan.aws.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * An SDK interceptor for clients of a stand-in that gives chosen tasks' containers the exit code a real ECS would report.
 * moto reports every container with exit code 0 and no API sets another, so the sandbox or a test says how a task
 * ended here, and DescribeTasks answers carry it.
 */
public final class TaskEndings implements ExecutionInterceptor {
    private final Map<String, Integer> exitCodes = new ConcurrentHashMap<>();

    /** Every container of the task reports this exit code once the task has stopped. */
    public void exitWith(String taskArn, int exitCode) {
        exitCodes.put(taskArn, exitCode);
    }

    public void clear() {
        exitCodes.clear();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof DescribeTasksResponse response) || exitCodes.isEmpty()) {
            return context.response();
        }
        return response.toBuilder().tasks(response.tasks().stream().map(this::ended).toList()).build();
    }

    private Task ended(Task task) {
        Integer code = exitCodes.get(task.taskArn());
        if (code == null || !"STOPPED".equals(task.lastStatus())) {
            return task;
        }
        return task.toBuilder().containers(task.containers().stream()
                .map(c -> c.toBuilder().lastStatus("STOPPED").exitCode(code).build())
                .toList()).build();
    }
}
