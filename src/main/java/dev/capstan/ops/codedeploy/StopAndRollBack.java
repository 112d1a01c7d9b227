package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import java.time.Duration;
import java.util.List;

/**
 * Stop and roll back a CodeDeploy deployment at any point (StopDeployment with automatic rollback), then watch production
 * traffic go back: done when the deployment has ended and the original revision serves again behind healthy targets.
 */
public final class StopAndRollBack implements Operation {
    public static final String TYPE = "codedeploy.stop";

    public record Request(String deploymentId, String application, String group, Duration timeout) {
    }

    private final Environment environment;
    private final Request request;
    private final CodeDeployServices services;

    StopAndRollBack(Environment environment, Request request, CodeDeployServices services) {
        this.environment = environment;
        this.request = request;
        this.services = services;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Stop and roll back the CodeDeploy deployment " + request.deploymentId() + " of " + environment.name();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        return List.of(new ReadOriginal(request.deploymentId(), environment, services, this::target),
                new DeploymentChange(DeploymentChange.Kind.STOP, request.deploymentId(), services, this::target),
                new WatchRollBack(request.deploymentId(), environment, services, this::target, request.timeout()));
    }

    private AwsTarget target() {
        return services.targets().of(environment);
    }
}
