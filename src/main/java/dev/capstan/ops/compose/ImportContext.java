package dev.capstan.ops.compose;

/**
 * What an import takes from the environment it is for: where containers log (its log group and region) and the roles of its
 * service's task definition, which the new one reuses (the execution role pulls images and writes the logs). Nulls where the
 * environment has none.
 */
public record ImportContext(String environment, String region, String logGroup, String executionRoleArn, String taskRoleArn) {
}
