package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import dev.capstan.ops.deploy.RegisterRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Watches a stopped deployment's rollback: done when it has ended and the original revision serves behind healthy targets. */
final class WatchRollBack implements Step {
    private final String deploymentId;
    private final Environment environment;
    private final CodeDeployServices services;
    private final Supplier<AwsTarget> target;
    private final Duration timeout;

    WatchRollBack(String deploymentId, Environment environment, CodeDeployServices services, Supplier<AwsTarget> target, Duration timeout) {
        this.deploymentId = deploymentId;
        this.environment = environment;
        this.services = services;
        this.target = target;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return "watch-rollback";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Watch production traffic go back until the original revision serves behind healthy targets (at most "
                + RunReport.human(timeout) + ")");
    }

    @Override
    public String run(StepContext context) {
        String original = context.fact(RegisterRevision.BASE_TASK_DEFINITION).orElseThrow();
        AwsTarget t = target.get();
        context.waitUntil(Wait.<CodeDeployment>forThe("the rollback").atMost(timeout).every(services.poll()).measuredBy(services.clock())
                .looking(() -> {
                    CodeDeployment d = services.codeDeploy().deployment(t, deploymentId);
                    List<String> pending = new ArrayList<>();
                    if (d.active()) {
                        pending.add("CodeDeploy to stop " + deploymentId + " (" + d.status() + ")");
                    } else {
                        pending.addAll(Serving.pending(services, t, environment, original));
                    }
                    return pending.isEmpty() ? Wait.Look.done(d, DeploymentVerdict.where(d)) : Wait.Look.notYet(d, DeploymentVerdict.where(d), pending);
                }));
        return deploymentId + " has ended; " + TaskDefinitionNames.familyRevision(original) + " serves "
                + environment.service() + " again";
    }
}
