package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.TaskState;
import java.util.List;

/** ECS as the operations see it. Calls made for a read-only target refuse to change anything. */
public interface EcsGateway {
    /** The service's current counts; fails with a sentence when it does not exist. */
    ServiceStatus service(AwsTarget target, String cluster, String service);

    void setDesiredCount(AwsTarget target, String cluster, String service, int desiredCount);

    /** The service's tasks whose desired status is RUNNING: those running and those on their way. */
    List<TaskState> serviceTasks(AwsTarget target, String cluster, String service);

    /** The task definition ARN a task runs; fails with a sentence when the task is not in the cluster. */
    String taskDefinitionOf(AwsTarget target, String cluster, String taskArn);

    default List<String> runningTaskArns(AwsTarget target, String cluster, String service) {
        return serviceTasks(target, cluster, service).stream().map(TaskState::arn).toList();
    }
}
