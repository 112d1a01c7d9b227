package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.deploy.LocalCommand;
import java.util.function.Supplier;

/**
 * Asks CodeDeploy to reroute traffic (ContinueDeployment) or to stop and roll back (StopDeployment), after a look at the
 * deployment: asking again after an interruption, or when CodeDeploy has moved on by itself, changes nothing.
 */
final class DeploymentChange implements Step {
    enum Kind { APPROVE, STOP }

    private final Kind kind;
    private final String deploymentId;
    private final CodeDeployServices services;
    private final Supplier<AwsTarget> target;

    DeploymentChange(Kind kind, String deploymentId, CodeDeployServices services, Supplier<AwsTarget> target) {
        this.kind = kind;
        this.deploymentId = deploymentId;
        this.services = services;
        this.target = target;
    }

    @Override
    public String id() {
        return kind == Kind.APPROVE ? "reroute-traffic" : "stop-deployment";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of(kind == Kind.APPROVE ? "Reroute production traffic to the replacement task set of " + deploymentId + " (ContinueDeployment)"
                : "Stop " + deploymentId + " and roll it back (StopDeployment with automatic rollback): production traffic goes back to the original task set");
    }

    @Override
    public String run(StepContext context) {
        CodeDeployment d = services.codeDeploy().deployment(target.get(), deploymentId);
        context.rememberOnce(CodeDeployRelease.DEPLOYMENT, deploymentId);
        if (d.taskDefinition() != null && kind == Kind.APPROVE) {
            context.rememberOnce(LocalCommand.NEW_REVISION, d.taskDefinition());
        }
        return kind == Kind.APPROVE ? approve(d) : stop(d);
    }

    private String approve(CodeDeployment d) {
        if (d.waitingForApproval()) {
            services.codeDeploy().approve(target.get(), deploymentId);
            return "CodeDeploy reroutes production traffic to the replacement of " + deploymentId;
        }
        if (d.active() || d.succeeded()) {
            return deploymentId + " is not waiting for approval (" + d.status() + "): it went on already";
        }
        throw new IllegalStateException(DeploymentVerdict.failure(d) + " There is nothing to approve.");
    }

    private String stop(CodeDeployment d) {
        if (d.active()) {
            services.codeDeploy().stopAndRollBack(target.get(), deploymentId);
            return "CodeDeploy stops " + deploymentId + " and rolls it back";
        }
        if (d.succeeded()) {
            throw new IllegalStateException(deploymentId + " has succeeded already, so there is nothing to stop; roll back instead (capstan rollback).");
        }
        return deploymentId + " has ended already (" + d.status() + ")" + (d.rollbackDeploymentId() != null ? "; CodeDeploy rolled it back" : "");
    }
}
