package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskDefRevision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;

/**
 * {@link TaskDefinitionReader} on the SDK. A revision's content never changes once registered, so each
 * is described once and kept: refreshing a family costs one ListTaskDefinitions plus one describe per
 * revision registered since.
 */
public final class SdkTaskDefinitionReader implements TaskDefinitionReader {
    private final AwsClients clients;
    private final Map<String, TaskDefRevision> described = new ConcurrentHashMap<>();

    public SdkTaskDefinitionReader(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> families(AwsTarget target) {
        try {
            return clients.ecs(target).listTaskDefinitionFamiliesPaginator(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE).maxResults(100))
                    .families().stream().sorted().toList();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the task definition families");
        }
    }

    @Override
    public List<TaskDefRevision> revisions(AwsTarget target, String family) {
        try {
            List<String> arns = clients.ecs(target).listTaskDefinitionsPaginator(r -> r.familyPrefix(family).sort(SortOrder.DESC).maxResults(100))
                    .taskDefinitionArns().stream()
                    .filter(arn -> dev.capstan.domain.TaskDefinitionNames.family(arn).equals(family)).toList();
            List<TaskDefRevision> revisions = new ArrayList<>();
            for (String arn : arns) {
                revisions.add(described.computeIfAbsent(target.region() + "|" + arn, key -> describe(target, arn)));
            }
            // Sorted here too: a stand-in may ignore the sort order asked for.
            revisions.sort(java.util.Comparator.comparingInt(TaskDefRevision::revision).reversed());
            return revisions;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the revisions of " + family);
        }
    }

    @Override
    public TaskDefRevision revision(AwsTarget target, String taskDefinition) {
        try {
            return described.computeIfAbsent(target.region() + "|" + taskDefinition, key -> describe(target, taskDefinition));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe task definition " + taskDefinition);
        }
    }

    private TaskDefRevision describe(AwsTarget target, String arn) {
        TaskDefinition t = clients.ecs(target).describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition();
        return new TaskDefRevision(t.taskDefinitionArn(), t.family(), t.revision(), t.statusAsString(), t.cpu(), t.memory(),
                t.networkModeAsString(), t.requiresCompatibilitiesAsStrings(), t.registeredAt(),
                t.containerDefinitions().stream().map(SdkTaskDefinitionReader::container).toList(), SdkJson.write(t));
    }

    private static TaskDefRevision.Container container(ContainerDefinition c) {
        Map<String, String> environment = new LinkedHashMap<>();
        c.environment().forEach(kv -> environment.put(kv.name(), kv.value()));
        Map<String, String> secrets = new LinkedHashMap<>();
        c.secrets().forEach(s -> secrets.put(s.name(), s.valueFrom()));
        List<TaskDefRevision.Port> ports = c.portMappings().stream()
                .map(p -> new TaskDefRevision.Port(p.containerPort(), p.hostPort(), p.protocolAsString())).toList();
        String driver = c.logConfiguration() == null ? null : c.logConfiguration().logDriverAsString();
        Map<String, String> options = c.logConfiguration() == null ? Map.of() : new LinkedHashMap<>(c.logConfiguration().options());
        return new TaskDefRevision.Container(c.name(), c.image(), c.cpu(), c.memory(), c.essential() == null || c.essential(), ports,
                environment, secrets, driver, options, c.links(), c.dependsOn().stream().map(d -> d.containerName() + " " + d.conditionAsString()).toList());
    }
}
