package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ListenerRule;
import java.util.List;
import java.util.Map;

/** An ALB listener's rules, and changing their priorities: how blue/green with task sets moves traffic. */
public interface ListenerRulesGateway {
    /** The listener's non-default rules. */
    List<ListenerRule> rules(AwsTarget target, String listenerArn);

    /**
     * Sets the priorities in one SetRulePriorities call; throws {@link RefusedException} when ELB refuses
     * the set as a whole (as moto does a swap), so the caller can take another way.
     */
    void setPriorities(AwsTarget target, Map<String, Integer> priorities);

    final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }
}
