package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ListenerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;

public final class SdkListenerRulesGateway implements ListenerRulesGateway {
    private final AwsClients clients;

    public SdkListenerRulesGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<ListenerRule> rules(AwsTarget target, String listenerArn) {
        try {
            List<ListenerRule> rules = new ArrayList<>();
            for (Rule rule : clients.elb(target).describeRules(r -> r.listenerArn(listenerArn)).rules()) {
                if (Boolean.TRUE.equals(rule.isDefault()) || !rule.priority().matches("\\d+")) {
                    continue;
                }
                List<String> groups = new ArrayList<>();
                rule.actions().forEach(a -> {
                    if (a.targetGroupArn() != null) {
                        groups.add(a.targetGroupArn());
                    }
                    if (a.forwardConfig() != null) {
                        a.forwardConfig().targetGroups().forEach(tg -> groups.add(tg.targetGroupArn()));
                    }
                });
                rules.add(new ListenerRule(rule.ruleArn(), Integer.parseInt(rule.priority()), groups.stream().distinct().toList()));
            }
            return rules;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the rules of listener " + listenerArn);
        }
    }

    @Override
    public void setPriorities(AwsTarget target, Map<String, Integer> priorities) {
        try {
            clients.elb(target).setRulePriorities(r -> r.rulePriorities(priorities.entrySet().stream()
                    .map(e -> RulePriorityPair.builder().ruleArn(e.getKey()).priority(e.getValue()).build()).toList()));
        } catch (AwsServiceException e) {
            // A throttled call also comes back as 400 from ELB's Query protocol: that is not a refusal of the swap.
            if (e.statusCode() == 400 && AwsErrors.passingFault(e, "set rule priorities") == null) {
                throw new RefusedException(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
            }
            throw AwsErrors.explain(e, target, "set rule priorities");
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "set rule priorities");
        }
    }
}
