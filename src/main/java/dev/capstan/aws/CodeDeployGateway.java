package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import java.util.List;

/** CodeDeploy's side of an ECS service deployed blue/green through it. */
public interface CodeDeployGateway {
    /** The ECS deployment groups whose service this is, in every application of the account and region. */
    List<CodeDeployGroup> groupsOf(AwsTarget target, String cluster, String service);

    CodeDeployGroup group(AwsTarget target, String application, String group);

    /** The group's deployments, newest first, at most {@code limit}, without their targets. */
    List<CodeDeployment> recent(AwsTarget target, CodeDeployGroup group, int limit);

    /** One deployment with its target: lifecycle events and task sets. */
    CodeDeployment deployment(AwsTarget target, String deploymentId);

    /** CreateDeployment with the AppSpec given as content; returns the deployment's id. */
    String create(AwsTarget target, CodeDeployGroup group, String appSpec, String description);

    /** ContinueDeployment: reroute production traffic to a deployment waiting for it. */
    void approve(AwsTarget target, String deploymentId);

    /** StopDeployment with automatic rollback. */
    void stopAndRollBack(AwsTarget target, String deploymentId);
}
