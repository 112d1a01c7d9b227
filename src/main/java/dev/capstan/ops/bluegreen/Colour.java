package dev.capstan.ops.bluegreen;

import dev.capstan.domain.LoadBalancerSettings;

/** Blue or green: one of the two target groups a blue/green environment's listener forwards to. */
public enum Colour {
    BLUE, GREEN;

    public Colour other() {
        return this == BLUE ? GREEN : BLUE;
    }

    public String targetGroup(LoadBalancerSettings settings) {
        return this == BLUE ? settings.blueTargetGroupArn() : settings.greenTargetGroupArn();
    }

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
