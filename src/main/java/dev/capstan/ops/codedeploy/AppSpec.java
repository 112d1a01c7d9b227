package dev.capstan.ops.codedeploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.domain.DeploySettings;
import java.util.Map;

/**
 * The AppSpec of an ECS deployment (CodeDeploy's "AppSpec file" for Amazon ECS): the revision to deploy, the container and
 * port the load balancer sends traffic to, and the Lambda functions run at lifecycle events. Written as JSON, which
 * CodeDeploy takes as AppSpec content.
 */
final class AppSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppSpec() {
    }

    static String of(String taskDefinition, String container, int port, Map<String, String> hooks) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("version", "0.0");
        ObjectNode properties = spec.putArray("Resources").addObject().putObject("TargetService").put("Type", "AWS::ECS::Service")
                .putObject("Properties");
        properties.put("TaskDefinition", taskDefinition);
        properties.putObject("LoadBalancerInfo").put("ContainerName", container).put("ContainerPort", port);
        if (!hooks.isEmpty()) {
            ArrayNode list = spec.putArray("Hooks");
            DeploySettings.CodeDeploy.HOOK_EVENTS.stream().filter(hooks::containsKey).forEach(event -> list.addObject().put(event, hooks.get(event)));
        }
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
