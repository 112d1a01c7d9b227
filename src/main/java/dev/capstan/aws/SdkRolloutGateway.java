package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.DeploymentStrategy;
import dev.capstan.domain.ServiceDeploymentState;
import dev.capstan.domain.ServiceRollout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

/** Rollouts through the SDK's ECS client. */
public final class SdkRolloutGateway implements RolloutGateway {
    private static final int EVENTS = 20;
    private final AwsClients clients;

    public SdkRolloutGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public ServiceRollout rollout(AwsTarget target, String cluster, String service) {
        try {
            Service s = SdkEcsGateway.describe(clients, target, cluster, service);
            DeploymentConfiguration config = s.deploymentConfiguration();
            var breaker = config == null ? null : config.deploymentCircuitBreaker();
            return new ServiceRollout(s.deploymentController() == null ? null : s.deploymentController().typeAsString(), s.taskDefinition(),
                    s.launchTypeAsString(), s.desiredCount(), s.runningCount(), s.pendingCount(),
                    s.deployments().stream().map(SdkRolloutGateway::deployment).toList(),
                    s.events().stream().limit(EVENTS).map(e -> new ServiceRollout.Event(e.createdAt(), e.message())).toList(),
                    config == null ? null : config.minimumHealthyPercent(), config == null ? null : config.maximumPercent(),
                    breaker == null ? null : breaker.enable(), breaker == null ? null : breaker.rollback(),
                    s.loadBalancers().stream().map(lb -> lb.targetGroupArn()).filter(arn -> arn != null).distinct().toList(), strategy(config));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe service " + service);
        }
    }

    private static DeploymentStrategy strategy(DeploymentConfiguration config) {
        if (config == null || config.strategy() == null) {
            return DeploymentStrategy.ROLLING;
        }
        int bake = config.bakeTimeInMinutes() == null ? 0 : config.bakeTimeInMinutes();
        if (config.canaryConfiguration() != null) {
            return new DeploymentStrategy(config.strategyAsString(), bake, config.canaryConfiguration().canaryPercent(),
                    config.canaryConfiguration().canaryBakeTimeInMinutes());
        }
        if (config.linearConfiguration() != null) {
            return new DeploymentStrategy(config.strategyAsString(), bake, config.linearConfiguration().stepPercent(),
                    config.linearConfiguration().stepBakeTimeInMinutes());
        }
        return new DeploymentStrategy(config.strategyAsString(), bake, null, null);
    }

    @Override
    public Optional<ServiceDeploymentState> latestDeployment(AwsTarget target, String cluster, String service) {
        EcsClient ecs = clients.ecs(target);
        try {
            List<String> arns = ecs.listServiceDeployments(r -> r.cluster(cluster).service(service)).serviceDeployments().stream()
                    .map(d -> d.serviceDeploymentArn()).toList();
            if (arns.isEmpty()) {
                return Optional.empty();
            }
            Optional<ServiceDeployment> newest = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arns.subList(0, Math.min(arns.size(), 20))))
                    .serviceDeployments().stream().filter(d -> d.createdAt() != null).max(java.util.Comparator.comparing(ServiceDeployment::createdAt));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            ServiceDeployment d = newest.get();
            List<String> revisions = new java.util.ArrayList<>();
            d.sourceServiceRevisions().forEach(r -> revisions.add(r.arn()));
            if (d.targetServiceRevision() != null) {
                revisions.add(d.targetServiceRevision().arn());
            }
            java.util.Map<String, String> definitions = new java.util.HashMap<>();
            if (!revisions.isEmpty()) {
                ecs.describeServiceRevisions(r -> r.serviceRevisionArns(revisions)).serviceRevisions()
                        .forEach(r -> definitions.put(r.serviceRevisionArn(), r.taskDefinition()));
            }
            return Optional.of(new ServiceDeploymentState(d.serviceDeploymentArn(), d.statusAsString(), d.lifecycleStageAsString(), d.createdAt(),
                    d.updatedAt(), d.sourceServiceRevisions().isEmpty() ? null : definitions.get(d.sourceServiceRevisions().get(0).arn()),
                    d.targetServiceRevision() == null ? null : definitions.get(d.targetServiceRevision().arn()), d.statusReason()));
        } catch (AwsServiceException e) {
            if (unsupported(e)) {
                return Optional.empty();
            }
            throw AwsErrors.explain(e, target, "read the deployments of " + service);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the deployments of " + service);
        }
    }

    private static ServiceRollout.Deployment deployment(Deployment d) {
        return new ServiceRollout.Deployment(d.id(), d.status(), d.taskDefinition(), orZero(d.desiredCount()), orZero(d.runningCount()),
                orZero(d.pendingCount()), orZero(d.failedTasks()), d.rolloutStateAsString(), d.rolloutStateReason(), d.createdAt());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public void deploy(AwsTarget target, String cluster, String service, String taskDefinition) {
        try {
            clients.ecs(target).updateService(r -> r.cluster(cluster).service(service).taskDefinition(taskDefinition));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "update " + service + " to " + taskDefinition);
        }
    }

    @Override
    public Optional<String> deploymentStatus(AwsTarget target, String cluster, String service, Instant since) {
        try {
            List<String> arns = clients.ecs(target).listServiceDeployments(r -> r.cluster(cluster).service(service)
                    .createdAt(c -> c.after(since))).serviceDeployments().stream().map(d -> d.serviceDeploymentArn()).toList();
            if (arns.isEmpty()) {
                return Optional.empty();
            }
            return clients.ecs(target).describeServiceDeployments(r -> r.serviceDeploymentArns(arns)).serviceDeployments().stream()
                    .filter(d -> d.createdAt() != null).max(java.util.Comparator.comparing(d -> d.createdAt()))
                    .map(d -> d.statusAsString());
        } catch (AwsServiceException e) {
            if (unsupported(e)) {
                return Optional.empty();
            }
            throw AwsErrors.explain(e, target, "read the deployments of " + service);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the deployments of " + service);
        }
    }

    @Override
    public boolean stopAndRollBack(AwsTarget target, String cluster, String service) {
        Optional<String> inProgress;
        try {
            inProgress = clients.ecs(target).listServiceDeployments(r -> r.cluster(cluster).service(service)
                            .status(ServiceDeploymentStatus.IN_PROGRESS)).serviceDeployments().stream()
                    .map(d -> d.serviceDeploymentArn()).findFirst();
        } catch (AwsServiceException e) {
            if (unsupported(e)) {
                return false;
            }
            throw AwsErrors.explain(e, target, "list the deployments of " + service);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the deployments of " + service);
        }
        if (inProgress.isEmpty()) {
            return false;
        }
        try {
            clients.ecs(target).stopServiceDeployment(r -> r.serviceDeploymentArn(inProgress.get()).stopType(StopServiceDeploymentStopType.ROLLBACK));
            return true;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "stop the deployment of " + service);
        }
    }

    /**
     * A stand-in (or an old endpoint) that has not got the call says it does not know it, or answers with no ECS error code at
     * all (moto: a bare 404). Real ECS always names its error.
     */
    private static boolean unsupported(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
        // A bare 404 is an endpoint without the call (a stand-in); a bare 5xx is a fault on AWS's side, to be ridden out, not "not offered".
        return code.isBlank() && e.statusCode() < 500 || code.contains("UnknownOperation") || code.contains("InvalidAction")
                || code.contains("NotImplemented");
    }
}
