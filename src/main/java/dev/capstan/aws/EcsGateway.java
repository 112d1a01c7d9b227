package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ContainerInstanceInfo;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.TaskLaunch;
import dev.capstan.domain.TaskProgress;
import dev.capstan.domain.TaskState;
import java.util.List;
import java.util.Optional;

/** ECS as the operations see it. Calls made for a read-only target refuse to change anything. */
public interface EcsGateway {
    /** The service's current counts; fails with a sentence when it does not exist. */
    ServiceStatus service(AwsTarget target, String cluster, String service);

    void setDesiredCount(AwsTarget target, String cluster, String service, int desiredCount);

    /** The service's tasks whose desired status is RUNNING: those running and those on their way. */
    List<TaskState> serviceTasks(AwsTarget target, String cluster, String service);

    /** The task definition ARN a task runs; fails with a sentence when the task is not in the cluster. */
    String taskDefinitionOf(AwsTarget target, String cluster, String taskArn);

    /** Starts one Fargate task and returns its ARN; fails with ECS's reason when it could not be placed. */
    String runTask(AwsTarget target, TaskLaunch launch);

    /** The task as it is now; empty when ECS no longer knows it (stopped tasks are forgotten after about an hour). */
    Optional<TaskProgress> task(AwsTarget target, String cluster, String taskArn);

    /** The ARNs of the tasks, running or stopped, whose startedBy is the given text. */
    List<String> tasksStartedBy(AwsTarget target, String cluster, String startedBy);

    /** The target groups the service registers its tasks in (its load balancers), in the service's order. */
    List<String> targetGroupsOf(AwsTarget target, String cluster, String service);

    /** The service's tasks desired RUNNING and those it stopped lately, with their addresses for load balancers. */
    List<ServiceTask> serviceTaskDetails(AwsTarget target, String cluster, String service);

    /** Asks ECS to stop a task; the reason shows in the console and in the task's stoppedReason. */
    void stopTask(AwsTarget target, String cluster, String taskArn, String reason);

    /** The EC2 instances registered in the cluster. */
    List<ContainerInstanceInfo> containerInstances(AwsTarget target, String cluster);

    default List<String> runningTaskArns(AwsTarget target, String cluster, String service) {
        return serviceTasks(target, cluster, service).stream().map(TaskState::arn).toList();
    }
}
