package dev.capstan.ops.task;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person asked for in the one-off task form or on the command line, settled: the exact task
 * definition, container, command words, environment overrides and network. It is the operation's
 * parameters, so a resumed run watches the very task this request started.
 *
 * @param service the service whose task definition and network the defaults came from; null when none
 */
public record TaskRunRequest(String service, String taskDefinition, String container, List<String> command, Map<String, String> environment,
                             List<String> subnets, List<String> securityGroups, boolean assignPublicIp,
                             @JsonAlias("wait") boolean waitForExit, Duration timeout) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TaskRunRequest {
        if (taskDefinition == null || taskDefinition.isBlank()) {
            throw new IllegalArgumentException("No task definition chosen; name one (family:revision or its ARN), or a service to take it from.");
        }
        if (container == null || container.isBlank()) {
            throw new IllegalArgumentException("No container chosen; name the container whose command to override, "
                    + "or set container: in the workspace.");
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("The command is empty; type the command the container should run, such as run,migration:run.");
        }
        command = List.copyOf(dev.capstan.domain.CommandWords.requireWords(command));
        environment = Map.copyOf(new LinkedHashMap<>(environment == null ? Map.of() : environment));
        subnets = List.copyOf(subnets == null ? List.of() : subnets);
        securityGroups = List.copyOf(securityGroups == null ? List.of() : securityGroups);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("No subnet given; a Fargate task needs at least one. Add network.subnets to the environment "
                    + "in the workspace, or type one (subnet-...).");
        }
        if (securityGroups.isEmpty()) {
            throw new IllegalArgumentException("No security group given; add network.securityGroups to the environment in the workspace, "
                    + "or type one (sg-...).");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait timeout must be positive, such as 30m.");
        }
    }

    /** The command as the JSON array the container override carries: what the form shows live. */
    public static String commandJson(List<String> command) {
        try {
            return JSON.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
