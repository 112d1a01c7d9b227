package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ScalingGroup;

/** EC2 Auto Scaling as a rolling restart uses it. Calls made for a read-only target refuse to change anything. */
public interface AutoScalingGateway {
    /** The group as it is now; fails with a sentence when there is no group of that name. */
    ScalingGroup group(AwsTarget target, String name);

    /** Sets the desired capacity without waiting for a cooldown: a person asked for it. */
    void setDesiredCapacity(AwsTarget target, String name, int capacity);
}
