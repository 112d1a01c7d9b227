package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ServiceBlueprint;
import dev.capstan.domain.TaggedService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a branch environment is made of and unmade from: a target group like the environment's, a listener rule, and a service
 * like the environment's, each tagged. Every lookup is by name or tag, so a step run again finds what it made. Calls for a
 * read-only target refuse to change anything.
 */
public interface BranchGateway {
    ServiceBlueprint blueprint(AwsTarget target, String cluster, String service);

    /** The ARN of the target group with this name, if there is one. */
    Optional<String> targetGroupNamed(AwsTarget target, String name);

    /** A target group like {@code like} (protocol, port, VPC, target type, health check) under a new name, tagged. */
    String createTargetGroupLike(AwsTarget target, String like, String name, Map<String, String> tags);

    void deleteTargetGroup(AwsTarget target, String arn);

    /** The tags of a load balancing resource: a target group or a rule. */
    Map<String, String> loadBalancingTags(AwsTarget target, String arn);

    /** The listener's rule tagged {@code key=value}, if any. */
    Optional<String> ruleTagged(AwsTarget target, String listenerArn, String key, String value);

    /**
     * A rule forwarding to the target group: on the host header when {@code host} is given, else on the path pattern, at the
     * priority, tagged.
     */
    String createRule(AwsTarget target, String listenerArn, int priority, String host, String pathPattern, String targetGroupArn,
                      Map<String, String> tags);

    void deleteRule(AwsTarget target, String ruleArn);

    /**
     * Where the listener is reached, as a URL without a path: its protocol, the host (the load balancer's DNS name when null)
     * and its port where it is not the protocol's own.
     */
    String listenerUrl(AwsTarget target, String listenerArn, String host);

    /** The ACTIVE service of that name in the cluster, if any. */
    Optional<TaggedService> activeService(AwsTarget target, String cluster, String service);

    /** A service like the blueprint, running the revision, registered in the target group, tagged, at the count. */
    void createService(AwsTarget target, String cluster, String service, ServiceBlueprint like, String taskDefinition, String targetGroupArn,
                       int desiredCount, Map<String, String> tags);

    /** Deletes the service, its tasks stopped (force). */
    void deleteService(AwsTarget target, String cluster, String service);

    /** The cluster's ACTIVE services tagged {@code key=value}. */
    List<TaggedService> servicesTagged(AwsTarget target, String cluster, String key, String value);

    /** Deregisters the task definition revision (its tasks keep running). */
    void deregisterTaskDefinition(AwsTarget target, String arn);
}
