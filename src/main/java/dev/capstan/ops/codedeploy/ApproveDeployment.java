package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import java.time.Duration;
import java.util.List;

/**
 * Reroute traffic: a CodeDeploy deployment waiting for approval goes on (ContinueDeployment), and is watched to its end with
 * the deploy's verdict. Whoever started the deployment (a pipeline, or a deploy in Capstan), the approval is a run of its own.
 */
public final class ApproveDeployment implements Operation {
    public static final String TYPE = "codedeploy.approve";

    public record Request(String deploymentId, String application, String group, Duration timeout) {
    }

    private final Environment environment;
    private final Request request;
    private final CodeDeployServices services;

    ApproveDeployment(Environment environment, Request request, CodeDeployServices services) {
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
        return "Reroute traffic to the replacement of " + environment.name() + " (CodeDeploy " + request.deploymentId() + ")";
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
        GroupRef group = new GroupRef(request.application(), request.group());
        return List.of(new DeploymentChange(DeploymentChange.Kind.APPROVE, request.deploymentId(), services, this::target),
                new WatchDeployment(environment, services, this::target, group, context -> request.deploymentId(), request.timeout()));
    }

    private AwsTarget target() {
        return services.targets().of(environment);
    }
}
