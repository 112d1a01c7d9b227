package dev.capstan.domain;

import java.util.List;
import java.util.Map;

/**
 * How an environment is deployed: the environment an image must have been deployed to first
 * (the promotion gate), local commands run before and after the traffic moves, and the migration a deploy runs
 * from the new revision before any traffic can reach it. In a command, {env}, {image} and {revision} stand for the
 * environment, the new image and the new task definition. For a service deployed through CodeDeploy, {@code codeDeploy}
 * may name its application and deployment group, and the hooks its deployments run.
 */
public record DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy, Migration migrate, CodeDeploy codeDeploy) {
    public DeploySettings {
        requiresDeployTo = Require.optionalText(requiresDeployTo);
        preDeploy = preDeploy == null ? List.of() : List.copyOf(preDeploy);
        postDeploy = postDeploy == null ? List.of() : List.copyOf(postDeploy);
    }

    public DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy, Migration migrate) {
        this(requiresDeployTo, preDeploy, postDeploy, migrate, null);
    }

    public DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy) {
        this(requiresDeployTo, preDeploy, postDeploy, null, null);
    }

    public static DeploySettings none() {
        return new DeploySettings(null, List.of(), List.of(), null, null);
    }

    /**
     * The CodeDeploy application and deployment group that deploy the service (found from the groups' ECS services when not
     * named), and the Lambda functions its deployments run at lifecycle events (default: those of the group's latest deployment).
     */
    public record CodeDeploy(String application, String deploymentGroup, Map<String, String> hooks) {
        /** The lifecycle events of an ECS deployment that may run a hook. */
        public static final List<String> HOOK_EVENTS = List.of("BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic",
                "AfterAllowTraffic");

        public CodeDeploy {
            application = Require.optionalText(application);
            deploymentGroup = Require.optionalText(deploymentGroup);
            if ((application == null) != (deploymentGroup == null)) {
                throw new IllegalArgumentException("deploymentGroup: name both application and deploymentGroup, or neither (Capstan then "
                        + "finds the group whose ECS service this is)");
            }
            hooks = hooks == null ? Map.of() : Map.copyOf(hooks);
            for (String event : hooks.keySet()) {
                if (!HOOK_EVENTS.contains(event)) {
                    throw new IllegalArgumentException("hooks: " + event + " is not a lifecycle event with hooks; use one of "
                            + String.join(", ", HOOK_EVENTS));
                }
            }
        }
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
