package dev.capstan.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ApplicationInfo;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/** CodeDeploy through the SDK's client. The AppSpec is read as YAML, which takes JSON too. */
public final class SdkCodeDeployGateway implements CodeDeployGateway {
    private static final ObjectMapper APPSPEC = new YAMLMapper();
    private final AwsClients clients;

    public SdkCodeDeployGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<CodeDeployGroup> groupsOf(AwsTarget target, String cluster, String service) {
        try {
            CodeDeployClient cd = clients.codeDeploy(target);
            List<String> applications = cd.listApplicationsPaginator(r -> { }).applications().stream().toList();
            List<CodeDeployGroup> found = new ArrayList<>();
            for (int i = 0; i < applications.size(); i += 100) {
                List<String> batch = applications.subList(i, Math.min(i + 100, applications.size()));
                for (ApplicationInfo app : cd.batchGetApplications(r -> r.applicationNames(batch)).applicationsInfo()) {
                    if (app.computePlatform() != ComputePlatform.ECS) {
                        continue;
                    }
                    List<String> names = cd.listDeploymentGroupsPaginator(r -> r.applicationName(app.applicationName())).deploymentGroups()
                            .stream().toList();
                    if (names.isEmpty()) {
                        continue;
                    }
                    cd.batchGetDeploymentGroups(r -> r.applicationName(app.applicationName()).deploymentGroupNames(names)).deploymentGroupsInfo()
                            .stream().map(SdkCodeDeployGateway::group)
                            .filter(g -> service.equals(g.service()) && sameCluster(cluster, g.cluster())).forEach(found::add);
                }
            }
            return found;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the CodeDeploy deployment groups of " + service);
        }
    }

    private static boolean sameCluster(String wanted, String named) {
        return named != null && (wanted.equals(named) || wanted.endsWith("/" + named) || named.endsWith("/" + wanted));
    }

    @Override
    public CodeDeployGroup group(AwsTarget target, String application, String group) {
        try {
            return group(clients.codeDeploy(target).getDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(group))
                    .deploymentGroupInfo());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the CodeDeploy deployment group " + application + " / " + group);
        }
    }

    private static CodeDeployGroup group(DeploymentGroupInfo g) {
        var service = g.ecsServices().isEmpty() ? null : g.ecsServices().get(0);
        DeploymentReadyOption ready = g.blueGreenDeploymentConfiguration() == null ? null
                : g.blueGreenDeploymentConfiguration().deploymentReadyOption();
        boolean waits = ready != null && ready.actionOnTimeout() == DeploymentReadyAction.STOP_DEPLOYMENT;
        int minutes = ready == null || ready.waitTimeInMinutes() == null ? 0 : ready.waitTimeInMinutes();
        boolean rollback = g.autoRollbackConfiguration() != null && Boolean.TRUE.equals(g.autoRollbackConfiguration().enabled());
        return new CodeDeployGroup(g.applicationName(), g.deploymentGroupName(), g.deploymentConfigName(),
                service == null ? null : service.clusterName(), service == null ? null : service.serviceName(), waits, Duration.ofMinutes(minutes),
                rollback);
    }

    @Override
    public List<CodeDeployment> recent(AwsTarget target, CodeDeployGroup group, int limit) {
        try {
            CodeDeployClient cd = clients.codeDeploy(target);
            List<String> ids = cd.listDeploymentsPaginator(r -> r.applicationName(group.application()).deploymentGroupName(group.name()))
                    .deployments().stream().toList();
            List<CodeDeployment> all = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += 25) {
                List<String> batch = ids.subList(i, Math.min(i + 25, ids.size()));
                cd.batchGetDeployments(r -> r.deploymentIds(batch)).deploymentsInfo().forEach(d -> all.add(deployment(d, null)));
            }
            return all.stream().sorted(Comparator.comparing(CodeDeployment::created, Comparator.nullsLast(Comparator.reverseOrder())))
                    .limit(limit).toList();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the deployments of " + group.label());
        }
    }

    @Override
    public CodeDeployment deployment(AwsTarget target, String deploymentId) {
        try {
            CodeDeployClient cd = clients.codeDeploy(target);
            DeploymentInfo info = cd.getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
            return deployment(info, target(cd, deploymentId));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the CodeDeploy deployment " + deploymentId);
        }
    }

    /** The deployment's ECS target (an ECS deployment has one), or null before CodeDeploy has started it, or for one without targets. */
    private static ECSTarget target(CodeDeployClient cd, String deploymentId) {
        try {
            List<String> targets = cd.listDeploymentTargets(r -> r.deploymentId(deploymentId)).targetIds();
            return targets.isEmpty() ? null : cd.batchGetDeploymentTargets(r -> r.deploymentId(deploymentId).targetIds(targets))
                    .deploymentTargets().stream().map(t -> t.ecsTarget()).filter(t -> t != null).findFirst().orElse(null);
        } catch (DeploymentNotStartedException | DeploymentTargetDoesNotExistException notYet) {
            return null;
        }
    }

    private static CodeDeployment deployment(DeploymentInfo d, ECSTarget target) {
        String appSpec = d.revision() == null || d.revision().appSpecContent() == null ? null : d.revision().appSpecContent().content();
        JsonNode spec = parse(appSpec);
        String taskDefinition = spec.path("Resources").path(0).elements().hasNext()
                ? spec.path("Resources").path(0).elements().next().path("Properties").path("TaskDefinition").asText(null) : null;
        Map<String, String> hooks = new LinkedHashMap<>();
        spec.path("Hooks").forEach(entry -> entry.fields().forEachRemaining(f -> hooks.put(f.getKey(), f.getValue().asText())));
        List<CodeDeployment.Event> events = target == null ? List.of() : target.lifecycleEvents().stream()
                .map(e -> new CodeDeployment.Event(e.lifecycleEventName(), e.statusAsString(), e.startTime(), e.endTime(),
                        e.diagnostics() == null ? null : e.diagnostics().message())).toList();
        List<CodeDeployment.TaskSet> sets = target == null ? List.of() : target.taskSetsInfo().stream()
                .map(s -> new CodeDeployment.TaskSet(s.identifer(), s.taskSetLabelAsString(), s.status(), s.trafficWeight() == null ? 0 : s.trafficWeight(),
                        s.runningCount() == null ? 0 : s.runningCount().intValue(), s.desiredCount() == null ? 0 : s.desiredCount().intValue(),
                        s.targetGroup() == null ? null : s.targetGroup().name())).toList();
        return new CodeDeployment(d.deploymentId(), d.statusAsString(), d.creatorAsString(), d.createTime(), d.completeTime(),
                d.errorInformation() == null ? null : d.errorInformation().codeAsString(),
                d.errorInformation() == null ? null : d.errorInformation().message(),
                d.rollbackInfo() == null ? null : d.rollbackInfo().rollbackDeploymentId(),
                d.rollbackInfo() == null ? null : d.rollbackInfo().rollbackMessage(), d.description(), taskDefinition, hooks, events, sets);
    }

    private static JsonNode parse(String appSpec) {
        if (appSpec == null || appSpec.isBlank()) {
            return APPSPEC.createObjectNode();
        }
        try {
            JsonNode node = APPSPEC.readTree(appSpec);
            return node == null ? APPSPEC.createObjectNode() : node;
        } catch (IOException unreadable) {
            return APPSPEC.createObjectNode();
        }
    }

    @Override
    public String create(AwsTarget target, CodeDeployGroup group, String appSpec, String description) {
        try {
            return clients.codeDeploy(target).createDeployment(r -> r.applicationName(group.application()).deploymentGroupName(group.name())
                    .description(description).revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                            .appSpecContent(c -> c.content(appSpec)))).deploymentId();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "create a deployment in " + group.label());
        }
    }

    @Override
    public void approve(AwsTarget target, String deploymentId) {
        try {
            clients.codeDeploy(target).continueDeployment(r -> r.deploymentId(deploymentId).deploymentWaitType(DeploymentWaitType.READY_WAIT));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "reroute traffic for the deployment " + deploymentId);
        }
    }

    @Override
    public void stopAndRollBack(AwsTarget target, String deploymentId) {
        try {
            clients.codeDeploy(target).stopDeployment(r -> r.deploymentId(deploymentId).autoRollbackEnabled(true));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "stop the deployment " + deploymentId);
        }
    }
}
