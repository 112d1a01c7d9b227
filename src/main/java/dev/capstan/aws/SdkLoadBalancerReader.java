package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LoadBalancerInfo;
import dev.capstan.domain.LoadBalancingSnapshot;
import dev.capstan.domain.TargetGroupInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/** {@link LoadBalancerReader} on the SDK: paginated lists, DescribeTargetHealth once per target group. */
public final class SdkLoadBalancerReader implements LoadBalancerReader {
    private final AwsClients clients;
    private final Clock clock;

    public SdkLoadBalancerReader(AwsClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public LoadBalancingSnapshot read(AwsTarget target) {
        try {
            ElasticLoadBalancingV2Client elb = clients.elb(target);
            List<LoadBalancerInfo> balancers = new ArrayList<>();
            elb.describeLoadBalancersPaginator(r -> r.pageSize(400)).loadBalancers().forEach(lb -> {
                List<LoadBalancerInfo.Listener> listeners = new ArrayList<>();
                elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn()).pageSize(400)).listeners().forEach(l -> {
                    List<LoadBalancerInfo.Rule> rules = elb.describeRules(r -> r.listenerArn(l.listenerArn()).pageSize(400)).rules().stream()
                            .map(SdkLoadBalancerReader::rule).sorted(Comparator.comparingInt(LoadBalancerInfo.Rule::order)).toList();
                    listeners.add(new LoadBalancerInfo.Listener(l.listenerArn(), l.protocolAsString(), l.port(), rules));
                });
                balancers.add(new LoadBalancerInfo(lb.loadBalancerName(), lb.loadBalancerArn(), lb.dnsName(), lb.schemeAsString(),
                        lb.state() == null ? "" : lb.state().codeAsString(), listeners));
            });
            List<TargetGroupInfo> groups = new ArrayList<>();
            elb.describeTargetGroupsPaginator(r -> r.pageSize(400)).targetGroups().forEach(tg -> {
                List<TargetGroupInfo.Target> targets = elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                        .targetHealthDescriptions().stream()
                        .map(d -> new TargetGroupInfo.Target(d.target().id(), d.target().port(), d.targetHealth().stateAsString(),
                                d.targetHealth().reasonAsString(), d.targetHealth().description())).toList();
                groups.add(new TargetGroupInfo(tg.targetGroupName(), tg.targetGroupArn(), tg.protocolAsString(), tg.port(),
                        tg.targetTypeAsString(), targets));
            });
            balancers.sort(Comparator.comparing(LoadBalancerInfo::name));
            groups.sort(Comparator.comparing(TargetGroupInfo::name));
            return new LoadBalancingSnapshot(balancers, groups, clock.instant());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the load balancers");
        }
    }

    private static LoadBalancerInfo.Rule rule(Rule rule) {
        List<String> conditions = rule.conditions().stream().map(SdkLoadBalancerReader::condition).toList();
        List<LoadBalancerInfo.Forward> forwards = new ArrayList<>();
        String other = null;
        for (Action action : rule.actions()) {
            if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
                action.forwardConfig().targetGroups().forEach(t -> forwards.add(new LoadBalancerInfo.Forward(t.targetGroupArn(), t.weight())));
            } else if (action.targetGroupArn() != null) {
                forwards.add(new LoadBalancerInfo.Forward(action.targetGroupArn(), null));
            } else {
                other = action.typeAsString();
            }
        }
        return new LoadBalancerInfo.Rule(rule.ruleArn(), Boolean.TRUE.equals(rule.isDefault()) ? "default" : rule.priority(), conditions,
                forwards, other);
    }

    private static String condition(RuleCondition c) {
        if (c.pathPatternConfig() != null && !c.pathPatternConfig().values().isEmpty()) {
            return "path " + String.join(", ", c.pathPatternConfig().values());
        }
        if (c.hostHeaderConfig() != null && !c.hostHeaderConfig().values().isEmpty()) {
            return "host " + String.join(", ", c.hostHeaderConfig().values());
        }
        return c.field() + " " + String.join(", ", c.values());
    }
}
