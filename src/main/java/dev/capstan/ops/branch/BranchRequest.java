package dev.capstan.ops.branch;

import dev.capstan.domain.ServiceBlueprint;
import java.time.Duration;
import java.time.Instant;

/**
 * A branch environment as confirmed, settled when it was planned so a resumed run makes what was shown: the branch's name and
 * image, the seed command (null: none), how long it lives, who made it and when, what it copies of the environment's service
 * ({@code like}: its revision, launch type, network, container and port, and target group), the listener it is reached
 * through, the host or path prefix its rule matches, and how long to wait for its task.
 */
public record BranchRequest(String name, String image, String seedCommand, Duration ttl, String owner, Instant createdAt, ServiceBlueprint like,
                            String listenerArn, String host, String pathPattern, Duration timeout) {
    public BranchRequest {
        BranchNames.check(name);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("Give the branch's image: a tag of the environment's image (such as login-fix-3) or a whole image name.");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A branch environment's time to live must be positive, such as 3d.");
        }
        if (like == null || like.taskDefinition() == null || like.containerName() == null || like.targetGroupArn() == null) {
            throw new IllegalArgumentException("A branch environment copies a service with a revision, a container and a target group.");
        }
        if ((host == null) == (pathPattern == null)) {
            throw new IllegalArgumentException("A branch environment is reached by a host name or by a path prefix, one of the two.");
        }
    }

    public Instant expiresAt() {
        return createdAt.plus(ttl);
    }
}
