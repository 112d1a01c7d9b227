package dev.capstan.domain;

import java.time.Duration;

/**
 * A CodeDeploy deployment group that deploys an ECS service blue/green: its application, its deployment configuration
 * (all at once, canary or linear), whether a deployment waits for someone to reroute traffic (and how long), and whether a
 * failed or stopped deployment is rolled back by CodeDeploy itself.
 */
public record CodeDeployGroup(String application, String name, String config, String cluster, String service, boolean waitsForApproval,
                              Duration approvalWait, boolean autoRollback) {
    public String label() {
        return application + " / " + name;
    }
}
