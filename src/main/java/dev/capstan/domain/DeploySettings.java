package dev.capstan.domain;

import java.util.List;

/**
 * How an environment is deployed: the environment an image must have been deployed to first
 * (the promotion gate), and local commands run before and after the traffic moves. In a command,
 * {env}, {image} and {revision} stand for the environment, the new image and the new task definition.
 */
public record DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy) {
    public DeploySettings {
        requiresDeployTo = Require.optionalText(requiresDeployTo);
        preDeploy = preDeploy == null ? List.of() : List.copyOf(preDeploy);
        postDeploy = postDeploy == null ? List.of() : List.copyOf(postDeploy);
    }

    public static DeploySettings none() {
        return new DeploySettings(null, List.of(), List.of());
    }
}
