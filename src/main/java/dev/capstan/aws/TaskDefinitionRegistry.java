package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskDefinitionDraft;
import dev.capstan.domain.TaskRoles;
import java.util.Map;
import java.util.Optional;

/** Registers new task definitions, tagged so that a resumed run finds the revision it made. Calls for a read-only target refuse. */
public interface TaskDefinitionRegistry {
    /** Registers the draft as the next revision of its family, with the tags; returns its ARN. */
    String register(AwsTarget target, TaskDefinitionDraft draft, Map<String, String> tags);

    /** Registers a revision of the task definition's family, the same but for the container's image, with the tags; returns its ARN. */
    String registerWithImage(AwsTarget target, String taskDefinitionArn, String container, String image, Map<String, String> tags);

    /** The newest of the family's recent revisions tagged {@code key=value}, if any. */
    Optional<String> taggedRevision(AwsTarget target, String family, String key, String value);

    TaskRoles roles(AwsTarget target, String taskDefinition);
}
