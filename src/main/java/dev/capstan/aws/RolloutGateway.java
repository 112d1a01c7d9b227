package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ServiceDeploymentState;
import dev.capstan.domain.ServiceRollout;
import java.time.Instant;
import java.util.Optional;

/** A service's rollouts under the ECS deployment controller: read them, start one, stop one. Calls for a read-only target refuse to change. */
public interface RolloutGateway {
    ServiceRollout rollout(AwsTarget target, String cluster, String service);

    /** UpdateService with the revision: ECS starts a rolling deployment of it. */
    void deploy(AwsTarget target, String cluster, String service, String taskDefinition);

    /**
     * ECS's own word on the newest service deployment created at or after {@code since} (ListServiceDeployments and
     * DescribeServiceDeployments): SUCCESSFUL, IN_PROGRESS, ROLLBACK_SUCCESSFUL and so on.
     *
     * @return empty when this ECS does not offer the calls or lists no such deployment
     */
    Optional<String> deploymentStatus(AwsTarget target, String cluster, String service, Instant since);

    /**
     * ECS's newest deployment of the service (ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions):
     * its status, lifecycle stage and the revisions it goes from and to.
     *
     * @return empty when this ECS does not offer the calls or lists none
     */
    Optional<ServiceDeploymentState> latestDeployment(AwsTarget target, String cluster, String service);

    /**
     * Asks ECS to stop the service's deployment in progress and roll it back (StopServiceDeployment with ROLLBACK).
     *
     * @return false when this ECS does not offer the call, or reports no deployment ARN to stop: the caller goes back by UpdateService
     */
    boolean stopAndRollBack(AwsTarget target, String cluster, String service);
}
