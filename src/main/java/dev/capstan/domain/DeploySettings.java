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
public record DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy, Migration migrate, CodeDeploy codeDeploy,
                             Branches branches) {
    public DeploySettings {
        requiresDeployTo = Require.optionalText(requiresDeployTo);
        preDeploy = preDeploy == null ? List.of() : List.copyOf(preDeploy);
        postDeploy = postDeploy == null ? List.of() : List.copyOf(postDeploy);
    }

    public DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy, Migration migrate, CodeDeploy codeDeploy) {
        this(requiresDeployTo, preDeploy, postDeploy, migrate, codeDeploy, null);
    }

    public DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy, Migration migrate) {
        this(requiresDeployTo, preDeploy, postDeploy, migrate, null, null);
    }

    public DeploySettings(String requiresDeployTo, List<String> preDeploy, List<String> postDeploy) {
        this(requiresDeployTo, preDeploy, postDeploy, null, null, null);
    }

    public static DeploySettings none() {
        return new DeploySettings(null, List.of(), List.of(), null, null, null);
    }

    /** How branch environments of this one are made; the defaults when the workspace says nothing. */
    public Branches branchesOrDefaults() {
        return branches == null ? new Branches(null, null, null) : branches;
    }

    /**
     * Short-lived copies of the environment's service for a branch: reached at {@code <name>.<domain>} when a domain is given (a
     * host-header rule), else under the path {@code /<name>/}; seeded by a one-off task running {@code seedCommand} (in the
     * words a one-off task takes) before traffic reaches it; destroyed when {@code ttl} has passed (default 3d).
     */
    public record Branches(String domain, String seedCommand, String ttl) {
        public static final String DEFAULT_TTL = "3d";

        public Branches {
            domain = Require.optionalText(domain);
            if (domain != null && !domain.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+")) {
                throw new IllegalArgumentException("branches.domain: '" + domain + "' is not a DNS domain; write it like preview.example.com");
            }
            seedCommand = Require.optionalText(seedCommand);
            ttl = Require.optionalText(ttl);
            if (ttl != null) {
                Durations.parse(ttl);
            }
        }

        public java.time.Duration ttlOrDefault() {
            return Durations.parse(ttl == null ? DEFAULT_TTL : ttl);
        }
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
