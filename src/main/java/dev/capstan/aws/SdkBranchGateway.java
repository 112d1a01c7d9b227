package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ServiceBlueprint;
import dev.capstan.domain.TaggedService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/** {@link BranchGateway} on the SDK: ECS and Elastic Load Balancing v2. */
public final class SdkBranchGateway implements BranchGateway {
    private final AwsClients clients;

    public SdkBranchGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public ServiceBlueprint blueprint(AwsTarget target, String cluster, String service) {
        try {
            Service s = SdkEcsGateway.describe(clients, target, cluster, service);
            AwsVpcConfiguration vpc = s.networkConfiguration() == null ? null : s.networkConfiguration().awsvpcConfiguration();
            var lb = s.loadBalancers().isEmpty() ? null : s.loadBalancers().get(0);
            return new ServiceBlueprint(s.taskDefinition(), s.launchTypeAsString(), vpc == null ? List.of() : vpc.subnets(),
                    vpc == null ? List.of() : vpc.securityGroups(), vpc != null && vpc.assignPublicIp() == AssignPublicIp.ENABLED,
                    lb == null ? null : lb.containerName(), lb == null ? null : lb.containerPort(), lb == null ? null : lb.targetGroupArn());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read service " + service);
        }
    }

    @Override
    public Optional<String> targetGroupNamed(AwsTarget target, String name) {
        try {
            return clients.elb(target).describeTargetGroups(r -> r.names(name)).targetGroups().stream().map(TargetGroup::targetGroupArn).findFirst();
        } catch (TargetGroupNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "look for target group " + name);
        }
    }

    @Override
    public String createTargetGroupLike(AwsTarget target, String like, String name, Map<String, String> tags) {
        try {
            TargetGroup base = clients.elb(target).describeTargetGroups(r -> r.targetGroupArns(like)).targetGroups().get(0);
            return clients.elb(target).createTargetGroup(r -> r.name(name).protocol(base.protocol()).port(base.port()).vpcId(base.vpcId())
                    .targetType(base.targetType()).healthCheckPath(base.healthCheckPath()).healthCheckProtocol(base.healthCheckProtocol())
                    .healthCheckIntervalSeconds(base.healthCheckIntervalSeconds()).healthyThresholdCount(base.healthyThresholdCount())
                    .unhealthyThresholdCount(base.unhealthyThresholdCount()).tags(elbTags(tags)))
                    .targetGroups().get(0).targetGroupArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "create target group " + name);
        }
    }

    @Override
    public void deleteTargetGroup(AwsTarget target, String arn) {
        try {
            clients.elb(target).deleteTargetGroup(r -> r.targetGroupArn(arn));
        } catch (TargetGroupNotFoundException e) {
            // Gone already: what a delete wants.
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "delete target group " + arn);
        }
    }

    @Override
    public Map<String, String> loadBalancingTags(AwsTarget target, String arn) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            clients.elb(target).describeTags(r -> r.resourceArns(arn)).tagDescriptions().forEach(d -> d.tags().forEach(t -> tags.put(t.key(), t.value())));
            return tags;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the tags of " + arn);
        }
    }

    @Override
    public Optional<String> ruleTagged(AwsTarget target, String listenerArn, String key, String value) {
        try {
            List<String> arns = clients.elb(target).describeRules(r -> r.listenerArn(listenerArn)).rules().stream()
                    .filter(rule -> !Boolean.TRUE.equals(rule.isDefault())).map(rule -> rule.ruleArn()).toList();
            if (arns.isEmpty()) {
                return Optional.empty();
            }
            // DescribeTags takes at most 20 ARNs a call.
            for (int from = 0; from < arns.size(); from += 20) {
                List<String> page = arns.subList(from, Math.min(arns.size(), from + 20));
                Optional<String> found = clients.elb(target).describeTags(r -> r.resourceArns(page)).tagDescriptions().stream()
                        .filter(d -> d.tags().stream().anyMatch(t -> t.key().equals(key) && t.value().equals(value)))
                        .map(d -> d.resourceArn()).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the rules of listener " + listenerArn);
        }
    }

    @Override
    public String createRule(AwsTarget target, String listenerArn, int priority, String host, String pathPattern, String targetGroupArn,
                             Map<String, String> tags) {
        RuleCondition condition = host != null
                ? RuleCondition.builder().field("host-header").hostHeaderConfig(h -> h.values(host)).build()
                : RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values(pathPattern)).build();
        try {
            return clients.elb(target).createRule(r -> r.listenerArn(listenerArn).priority(priority).conditions(condition)
                    .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn)).tags(elbTags(tags))).rules().get(0).ruleArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "add a rule at priority " + priority + " to listener " + listenerArn);
        }
    }

    @Override
    public void deleteRule(AwsTarget target, String ruleArn) {
        try {
            clients.elb(target).deleteRule(r -> r.ruleArn(ruleArn));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "delete listener rule " + ruleArn);
        }
    }

    @Override
    public String listenerUrl(AwsTarget target, String listenerArn, String host) {
        try {
            Listener listener = clients.elb(target).describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0);
            String dns = clients.elb(target).describeLoadBalancers(r -> r.loadBalancerArns(listener.loadBalancerArn())).loadBalancers().get(0).dnsName();
            boolean https = "HTTPS".equals(listener.protocolAsString());
            int port = listener.port() == null ? (https ? 443 : 80) : listener.port();
            boolean usual = https ? port == 443 : port == 80;
            return (https ? "https://" : "http://") + (host != null ? host : dns) + (usual ? "" : ":" + port);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read listener " + listenerArn);
        }
    }

    @Override
    public Optional<TaggedService> activeService(AwsTarget target, String cluster, String service) {
        try {
            return clients.ecs(target).describeServices(r -> r.cluster(cluster).services(service).include(ServiceField.TAGS)).services().stream()
                    .filter(s -> "ACTIVE".equals(s.status())).map(SdkBranchGateway::tagged).findFirst();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "look for service " + service);
        }
    }

    @Override
    public void createService(AwsTarget target, String cluster, String service, ServiceBlueprint like, String taskDefinition, String targetGroupArn,
                              int desiredCount, Map<String, String> tags) {
        try {
            clients.ecs(target).createService(r -> {
                r.cluster(cluster).serviceName(service).taskDefinition(taskDefinition).desiredCount(desiredCount)
                        .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ecs.model.Tag.builder().key(e.getKey())
                                .value(e.getValue()).build()).toList());
                if (like.launchType() != null) {
                    r.launchType(LaunchType.fromValue(like.launchType()));
                }
                if (!like.subnets().isEmpty()) {
                    r.networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(like.subnets()).securityGroups(like.securityGroups())
                            .assignPublicIp(like.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)));
                }
                if (targetGroupArn != null && like.containerName() != null) {
                    r.loadBalancers(lb -> lb.targetGroupArn(targetGroupArn).containerName(like.containerName()).containerPort(like.containerPort()));
                }
            });
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "create service " + service);
        }
    }

    @Override
    public void deleteService(AwsTarget target, String cluster, String service) {
        try {
            clients.ecs(target).deleteService(r -> r.cluster(cluster).service(service).force(true));
        } catch (software.amazon.awssdk.services.ecs.model.ServiceNotFoundException | software.amazon.awssdk.services.ecs.model.ServiceNotActiveException e) {
            // Gone already: what a delete wants.
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "delete service " + service);
        }
    }

    @Override
    public List<TaggedService> servicesTagged(AwsTarget target, String cluster, String key, String value) {
        try {
            List<String> arns = new ArrayList<>();
            clients.ecs(target).listServicesPaginator(r -> r.cluster(cluster)).serviceArns().forEach(arns::add);
            List<TaggedService> found = new ArrayList<>();
            // DescribeServices takes at most 10 services a call.
            for (int from = 0; from < arns.size(); from += 10) {
                List<String> page = arns.subList(from, Math.min(arns.size(), from + 10));
                clients.ecs(target).describeServices(r -> r.cluster(cluster).services(page).include(ServiceField.TAGS)).services().stream()
                        .filter(s -> "ACTIVE".equals(s.status()))
                        .filter(s -> s.tags().stream().anyMatch(t -> t.key().equals(key) && t.value().equals(value)))
                        .map(SdkBranchGateway::tagged).forEach(found::add);
            }
            return found;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the services of " + cluster);
        }
    }

    @Override
    public void deregisterTaskDefinition(AwsTarget target, String arn) {
        try {
            clients.ecs(target).deregisterTaskDefinition(r -> r.taskDefinition(arn));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "deregister " + arn);
        }
    }

    private static TaggedService tagged(Service s) {
        Map<String, String> tags = new LinkedHashMap<>();
        s.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new TaggedService(s.serviceName(), s.serviceArn(), s.status(), s.taskDefinition(), s.desiredCount(), s.runningCount(), tags);
    }

    private static List<Tag> elbTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
