package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ServiceRollout;

/** A service's rollouts under the ECS deployment controller: read them, start one, stop one. Calls for a read-only target refuse to change. */
public interface RolloutGateway {
    ServiceRollout rollout(AwsTarget target, String cluster, String service);

    /** UpdateService with the revision: ECS starts a rolling deployment of it. */
    void deploy(AwsTarget target, String cluster, String service, String taskDefinition);

    /**
     * Asks ECS to stop the service's deployment in progress and roll it back (StopServiceDeployment with ROLLBACK).
     *
     * @return false when this ECS does not offer the call, or reports no deployment ARN to stop: the caller goes back by UpdateService
     */
    boolean stopAndRollBack(AwsTarget target, String cluster, String service);
}
