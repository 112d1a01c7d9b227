package dev.capstan.ops.codedeploy;

import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service deployed through CodeDeploy, for the Deploys page: its group, the revision and image it serves, the newest
 * deployment with its lifecycle events and task sets (null when there is none), the recent ones, the revision a rollback
 * would deploy, and the time left to reroute traffic when the newest waits for that.
 */
public record CodeDeployPicture(CodeDeployGroup group, String serving, String image, CodeDeployment current, List<CodeDeployment> recent,
                                Optional<String> lastKnownGood, Optional<Duration> approvalLeft) {
    public CodeDeployPicture {
        recent = List.copyOf(recent);
    }
}
