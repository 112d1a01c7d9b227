package dev.capstan.domain;

import java.util.Map;

/** An ECS service with its tags and counts, as a list of the services a tool made reads it. */
public record TaggedService(String name, String arn, String status, String taskDefinition, int desiredCount, int runningCount,
                            Map<String, String> tags) {
    public TaggedService {
        tags = Map.copyOf(tags);
    }
}
