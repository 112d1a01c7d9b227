package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Watches a CodeDeploy deployment to its end, with a verdict to trust: it succeeded only when CodeDeploy says Succeeded and
 * the replacement serves (the service's PRIMARY task set runs the deployed revision, behind healthy targets). Failed,
 * stopped or rolled back is a failure with CodeDeploy's reason and the hook that failed. While the deployment waits for
 * someone to reroute traffic, the watch says so, with the time left. A timeout leaves CodeDeploy going on: resume to watch again.
 */
final class WatchDeployment implements Step {
    private final Environment environment;
    private final CodeDeployServices services;
    private final Supplier<AwsTarget> target;
    private final GroupRef group;
    private final Function<StepContext, String> deploymentId;
    private final Duration timeout;

    WatchDeployment(Environment environment, CodeDeployServices services, Supplier<AwsTarget> target, GroupRef group,
                    Function<StepContext, String> deploymentId, Duration timeout) {
        this.environment = environment;
        this.services = services;
        this.target = target;
        this.group = group;
        this.deploymentId = deploymentId;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return "watch-deployment";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Watch the CodeDeploy deployment until it succeeds and the replacement task set serves behind healthy targets (at most "
                + RunReport.human(timeout) + "); fail with CodeDeploy's reason and the failing hook if it fails, is stopped or rolls back");
    }

    @Override
    public String run(StepContext context) {
        String id = deploymentId.apply(context);
        CodeDeployGroup g = group.read(services, target.get());
        DeploymentVerdict verdict = new DeploymentVerdict(environment, services, target.get(), g);
        CodeDeployment done = context.waitUntil(Wait.<CodeDeployment>forThe("the CodeDeploy deployment").atMost(timeout).every(services.poll())
                .measuredBy(services.clock()).looking(() -> verdict.look(id))
                .orFail(last -> "After " + RunReport.human(timeout) + " the CodeDeploy deployment " + id + " is not done ("
                        + DeploymentVerdict.where(last.found()) + "). CodeDeploy goes on with it: resume to watch again, approve it, or stop it."));
        return "CodeDeploy deployment " + id + " succeeded: " + TaskDefinitionNames.familyRevision(done.taskDefinition()) + " serves "
                + environment.service();
    }
}
