package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskDefinitionDraft;
import dev.capstan.domain.TaskRoles;
import dev.capstan.domain.TaskDefinitionNames;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** {@link TaskDefinitionRegistry} on the SDK: the draft's fields as RegisterTaskDefinition's, one for one. */
public final class SdkTaskDefinitionRegistry implements TaskDefinitionRegistry {
    /** How many of a family's newest revisions a resumed run looks through for its own. */
    private static final int RECENT = 10;
    private final AwsClients clients;

    public SdkTaskDefinitionRegistry(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String register(AwsTarget target, TaskDefinitionDraft d, Map<String, String> tags) {
        try {
            return clients.ecs(target).registerTaskDefinition(r -> r.family(d.family()).taskRoleArn(d.taskRoleArn())
                    .executionRoleArn(d.executionRoleArn()).networkMode(d.networkMode())
                    .requiresCompatibilities(d.requiresCompatibilities().stream().map(Compatibility::fromValue).toList())
                    .cpu(d.cpu()).memory(d.memory())
                    .containerDefinitions(d.containerDefinitions().stream().map(SdkTaskDefinitionRegistry::container).toList())
                    .tags(ecsTags(tags)))
                    .taskDefinition().taskDefinitionArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "register a revision of " + d.family());
        }
    }

    private static ContainerDefinition container(TaskDefinitionDraft.ContainerDefinition c) {
        ContainerDefinition.Builder b = ContainerDefinition.builder().name(c.name()).image(c.image()).essential(c.essential())
                .environment(c.environment().stream().map(kv -> KeyValuePair.builder().name(kv.name()).value(kv.value()).build()).toList())
                .portMappings(c.portMappings().stream().map(p -> PortMapping.builder().containerPort(p.containerPort()).hostPort(p.hostPort())
                        .protocol(p.protocol()).build()).toList())
                .dependsOn(c.dependsOn().stream().map(x -> ContainerDependency.builder().containerName(x.containerName())
                        .condition(x.condition()).build()).toList())
                .logConfiguration(LogConfiguration.builder().logDriver(c.logConfiguration().logDriver())
                        .options(c.logConfiguration().options()).build());
        if (!c.entryPoint().isEmpty()) {
            b.entryPoint(c.entryPoint());
        }
        if (!c.command().isEmpty()) {
            b.command(c.command());
        }
        if (c.healthCheck() != null) {
            TaskDefinitionDraft.HealthCheck h = c.healthCheck();
            b.healthCheck(HealthCheck.builder().command(h.command()).interval(h.interval()).timeout(h.timeout()).retries(h.retries())
                    .startPeriod(h.startPeriod()).build());
        }
        return b.build();
    }

    @Override
    public String registerWithImage(AwsTarget target, String taskDefinitionArn, String container, String image, Map<String, String> tags) {
        try {
            TaskDefinition base = clients.ecs(target).describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn)).taskDefinition();
            if (base.containerDefinitions().stream().noneMatch(c -> c.name().equals(container))) {
                throw new IllegalArgumentException(base.family() + ":" + base.revision() + " has no container named " + container + ".");
            }
            List<ContainerDefinition> containers = base.containerDefinitions().stream()
                    .map(c -> c.name().equals(container) ? c.toBuilder().image(image).build() : c).toList();
            return clients.ecs(target).registerTaskDefinition(r -> r.family(base.family()).taskRoleArn(base.taskRoleArn())
                    .executionRoleArn(base.executionRoleArn()).networkMode(base.networkMode()).containerDefinitions(containers)
                    .volumes(base.volumes()).placementConstraints(base.placementConstraints())
                    .requiresCompatibilities(base.requiresCompatibilities()).cpu(base.cpu()).memory(base.memory())
                    .pidMode(base.pidMode()).ipcMode(base.ipcMode()).proxyConfiguration(base.proxyConfiguration())
                    .ephemeralStorage(base.ephemeralStorage()).runtimePlatform(base.runtimePlatform()).tags(ecsTags(tags)))
                    .taskDefinition().taskDefinitionArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "register a revision of " + taskDefinitionArn + " with image " + image);
        }
    }

    private static List<Tag> ecsTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    @Override
    public Optional<String> taggedRevision(AwsTarget target, String family, String key, String value) {
        try {
            // Sorted and cut here: a stand-in may ignore the sort order asked for.
            List<String> recent = clients.ecs(target).listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE).sort(SortOrder.DESC))
                    .taskDefinitionArns().stream().filter(arn -> TaskDefinitionNames.family(arn).equals(family))
                    .sorted(Comparator.comparingInt(TaskDefinitionNames::revision).reversed()).limit(RECENT).toList();
            for (String arn : recent) {
                DescribeTaskDefinitionResponse described = clients.ecs(target).describeTaskDefinition(r -> r.taskDefinition(arn)
                        .include(TaskDefinitionField.TAGS));
                if (described.tags().stream().anyMatch(t -> t.key().equals(key) && t.value().equals(value))) {
                    return Optional.of(arn);
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "look for the revision of " + family + " tagged " + key + "=" + value);
        }
    }

    @Override
    public TaskRoles roles(AwsTarget target, String taskDefinition) {
        try {
            TaskDefinition t = clients.ecs(target).describeTaskDefinition(r -> r.taskDefinition(taskDefinition)).taskDefinition();
            return new TaskRoles(t.executionRoleArn(), t.taskRoleArn());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the roles of " + taskDefinition);
        }
    }
}
