package dev.capstan.domain;

import java.util.List;

/** A non-default rule of an ALB listener: its priority and the target groups it forwards to. */
public record ListenerRule(String arn, int priority, List<String> forwardsTo) {
    public ListenerRule {
        forwardsTo = List.copyOf(forwardsTo);
    }
}
