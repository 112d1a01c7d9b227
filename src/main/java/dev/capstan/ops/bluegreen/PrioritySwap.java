package dev.capstan.ops.bluegreen;

import dev.capstan.aws.ListenerRulesGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ListenerRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Swaps two rules' priorities, which moves the traffic. Real ELB takes the swap in one SetRulePriorities
 * call, so nothing ever serves in between; a stand-in such as moto refuses it, and then the swap goes in
 * three moves through a free priority (each rule briefly alone in its slot, both still forwarding).
 */
final class PrioritySwap {
    private PrioritySwap() {
    }

    /** Returns how it was done, for the journal. */
    static String swap(ListenerRulesGateway rules, AwsTarget target, String listener, ListenerRule first, ListenerRule second) {
        try {
            rules.setPriorities(target, Map.of(first.arn(), second.priority(), second.arn(), first.priority()));
            return "swapped in one SetRulePriorities call: " + first.priority() + " ↔ " + second.priority();
        } catch (ListenerRulesGateway.RefusedException refused) {
            int free = free(rules.rules(target, listener), Math.max(first.priority(), second.priority()));
            rules.setPriorities(target, Map.of(first.arn(), free));
            rules.setPriorities(target, Map.of(second.arn(), first.priority()));
            rules.setPriorities(target, Map.of(first.arn(), second.priority()));
            return "ELB refused the swap in one call (" + refused.getMessage() + "); swapped in three moves through free priority " + free;
        }
    }

    /** The first priority above {@code from} that no rule of the listener holds. */
    private static int free(List<ListenerRule> rules, int from) {
        Set<Integer> taken = new HashSet<>();
        rules.forEach(r -> taken.add(r.priority()));
        int candidate = from + 1;
        while (taken.contains(candidate)) {
            candidate++;
        }
        return candidate;
    }
}
