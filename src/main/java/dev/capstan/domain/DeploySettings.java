package dev.capstan.domain;

import java.util.List;

/**
 * How an environment is deployed: the environment an image must have been deployed to first
 * (the promotion gate), local commands run before and after the traffic moves, and the migration a deploy runs
 * from the new revision before any traffic can reach it. In a command, {env}, {image} and {revision} stand for the
 * environment, the new image and the new task definition.
 */
public record DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy, Migration migrate) {
    public DeploySettings {
        requiresDeployTo = Require.optionalText(requiresDeployTo);
        preDeploy = preDeploy == null ? List.of() : List.copyOf(preDeploy);
        postDeploy = postDeploy == null ? List.of() : List.copyOf(postDeploy);
    }

    public DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy) {
        this(requiresDeployTo, preDeploy, postDeploy, null);
    }

    public static DeploySettings none() {
        return new DeploySettings(null, List.of(), List.of(), null);
    }

    /**
     * A one-off task run from the new revision before traffic reaches it: the command in the words a one-off task
     * takes (run,migration:run or shell words), in the container named (default: the workspace's container).
     */
    public record Migration(String command, String container) {
        public Migration {
            command = Require.text(command, "deploy.migrate.command", "give the migration's command, such as run,migration:run");
            container = Require.optionalText(container);
        }
    }
}
