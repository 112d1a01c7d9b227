package dev.capstan.domain;

import java.util.List;

/** A load balancer with its listeners and their rules, as the Load balancers view shows them. */
public record LoadBalancerInfo(String name, String arn, String dnsName, String scheme, String state, List<Listener> listeners) {
    public LoadBalancerInfo {
        listeners = List.copyOf(listeners);
    }

    public record Listener(String arn, String protocol, int port, List<Rule> rules) {
        public Listener {
            rules = List.copyOf(rules);
        }
    }

    /** {@code priority} is "default" for the listener's default rule. */
    public record Rule(String arn, String priority, List<String> conditions, List<Forward> forwards, String otherAction) {
        public Rule {
            conditions = List.copyOf(conditions);
            forwards = List.copyOf(forwards);
        }

        public boolean isDefault() {
            return "default".equals(priority);
        }

        /** The priority as a number; the default rule comes last. */
        public int order() {
            return isDefault() ? Integer.MAX_VALUE : Integer.parseInt(priority);
        }
    }

    public record Forward(String targetGroupArn, Integer weight) {
    }
}
