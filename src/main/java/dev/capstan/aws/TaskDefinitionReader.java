package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskDefRevision;
import java.util.List;

/** Reads task definition families and their revisions. Only reads. */
public interface TaskDefinitionReader {
    /** The active families, sorted by name. */
    List<String> families(AwsTarget target);

    /** One revision by its ARN or family:revision. */
    TaskDefRevision revision(AwsTarget target, String taskDefinition);

    /** The family's active revisions, newest first. */
    List<TaskDefRevision> revisions(AwsTarget target, String family);
}
