package dev.capstan.ops.codedeploy;

import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service deployed through CodeDeploy, for the Deploys page: its group, the revision and image it serves, the newest
 * deployment with its lifecycle events and task sets (null when there is none), the recent ones, the revision a rollback
 * would deploy, the time left to reroute traffic when the newest waits for that, and the health of each task set's targets
 * ("2 of 2 healthy", by task set id).
 */
public record CodeDeployPicture(CodeDeployGroup group, String serving, String image, CodeDeployment current, List<CodeDeployment> recent,
                                Optional<String> lastKnownGood, Optional<Duration> approvalLeft, Map<String, String> targetHealth) {
    public CodeDeployPicture {
        recent = List.copyOf(recent);
        targetHealth = Map.copyOf(targetHealth);
    }

    /** The health of a task set's targets, or "" when it has none (or is gone). */
    public String health(CodeDeployment.TaskSet set) {
        return targetHealth.getOrDefault(set.id(), "");
    }
}
