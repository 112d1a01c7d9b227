package dev.capstan.ops.scale;

import java.time.Duration;

/** A scale as confirmed: the desired count, and how long to wait until ECS runs that many. */
public record ScaleRequest(int count, Duration timeout) {
    public ScaleRequest {
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException("A desired count of " + count + " is out of range; give a number from 0 to 1000.");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait timeout must be positive.");
        }
    }
}
