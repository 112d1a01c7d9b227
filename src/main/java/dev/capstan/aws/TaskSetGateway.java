package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskSetInfo;
import java.util.List;

/** The task sets of a blue/green service, and the revision a deploy registers. Calls for a read-only target refuse to change anything. */
public interface TaskSetGateway {
    List<TaskSetInfo> taskSets(AwsTarget target, String cluster, String service);

    /**
     * A new task set of the revision behind the target group, placed as {@code like} is (launch type, network),
     * at the service's whole desired count; {@code externalId} lets a resumed deploy find the set it made.
     */
    String createTaskSet(AwsTarget target, String cluster, String service, String taskDefinition, String targetGroup, TaskSetInfo like,
                         String externalId);

    /** Stops the set's tasks and deletes it. */
    void deleteTaskSet(AwsTarget target, String cluster, String service, String taskSetArn);

    void makePrimary(AwsTarget target, String cluster, String service, String taskSetArn);

    /** Registers a new revision of the task definition's family, the same but for the container's image; returns its ARN. */
    String registerWithImage(AwsTarget target, String taskDefinitionArn, String container, String image);
}
