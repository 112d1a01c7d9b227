package dev.capstan.ops.restart;

import java.time.Duration;

/**
 * A rolling restart as the person asked for it, with what was worked out when it was planned pinned in:
 * the new task count and the auto scaling group (null for Fargate, or when the workspace names none), so a
 * resumed run does exactly what was confirmed.
 *
 * @param service          the service restarted (the environment's, or another one of its cluster)
 * @param count            the service's desired count while old and new tasks run side by side
 * @param healthLogPattern a term each new task must log before it counts as healthy (CloudWatch filter syntax), or null
 * @param timeout          how long each wait may take
 * @param restoreGroup     whether the group's desired capacity is put back at the end (else the group's own policies shrink it)
 * @param group            the auto scaling group raised to its maximum first, or null to leave groups alone
 */
public record RestartRequest(String service, int count, String healthLogPattern, Duration timeout, boolean restoreGroup, String group) {
    public RestartRequest {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("A restart needs the service it restarts.");
        }
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("A task count of " + count + " is out of range; give a number from 1 to 1000.");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait timeout must be positive, such as 30m.");
        }
        healthLogPattern = healthLogPattern == null || healthLogPattern.isBlank() ? null : healthLogPattern.strip();
        group = group == null || group.isBlank() ? null : group;
    }

    public boolean usesGroup() {
        return group != null;
    }
}
