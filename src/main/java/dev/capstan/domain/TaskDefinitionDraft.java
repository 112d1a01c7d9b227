package dev.capstan.domain;

import java.util.List;
import java.util.Map;

/**
 * A task definition not yet registered, shaped as ECS's RegisterTaskDefinition request is (the same field names,
 * so its JSON is what {@code aws ecs register-task-definition --cli-input-json} reads). Absent parts are null and
 * left out of its JSON.
 */
public record TaskDefinitionDraft(String family, String taskRoleArn, String executionRoleArn, String networkMode,
                                  List<String> requiresCompatibilities, String cpu, String memory,
                                  List<ContainerDefinition> containerDefinitions) {
    public TaskDefinitionDraft {
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
        containerDefinitions = List.copyOf(containerDefinitions);
    }

        public record ContainerDefinition(String name, String image, boolean essential, List<String> entryPoint, List<String> command,
                                      List<KeyValue> environment, List<PortMapping> portMappings, List<Dependency> dependsOn,
                                      HealthCheck healthCheck, LogConfiguration logConfiguration) {
        public ContainerDefinition {
            entryPoint = entryPoint == null ? List.of() : List.copyOf(entryPoint);
            command = command == null ? List.of() : List.copyOf(command);
            environment = environment == null ? List.of() : List.copyOf(environment);
            portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    public record KeyValue(String name, String value) {
    }

    /** On awsvpc the host port is the container port; it is written out so the request reads as the console shows it. */
    public record PortMapping(int containerPort, int hostPort, String protocol) {
    }

    /** {@code condition} is START, COMPLETE, SUCCESS or HEALTHY. */
    public record Dependency(String containerName, String condition) {
    }

    /** Times in seconds, as ECS takes them; null where the compose file said nothing (ECS's defaults apply). */
    public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries, Integer startPeriod) {
        public HealthCheck {
            command = List.copyOf(command);
        }
    }

    public record LogConfiguration(String logDriver, Map<String, String> options) {
        public LogConfiguration {
            options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        }
    }
}
