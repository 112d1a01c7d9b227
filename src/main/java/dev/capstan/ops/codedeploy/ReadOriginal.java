package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.deploy.RegisterRevision;
import java.util.function.Supplier;

/** Reads the revision a stopped deployment goes back to: its original (BLUE) task set's, else the PRIMARY one's. Journaled once. */
final class ReadOriginal implements Step {
    private final String deploymentId;
    private final Environment environment;
    private final CodeDeployServices services;
    private final Supplier<AwsTarget> target;

    ReadOriginal(String deploymentId, Environment environment, CodeDeployServices services, Supplier<AwsTarget> target) {
        this.deploymentId = deploymentId;
        this.environment = environment;
        this.services = services;
        this.target = target;
    }

    @Override
    public String id() {
        return "read-original";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Read the revision " + deploymentId + " replaces: the one production traffic goes back to");
    }

    @Override
    public String run(StepContext context) {
        if (context.fact(RegisterRevision.BASE_TASK_DEFINITION).isPresent()) {
            return "Goes back to " + TaskDefinitionNames.familyRevision(context.fact(RegisterRevision.BASE_TASK_DEFINITION).get()) + " (read earlier)";
        }
        CodeDeployment d = services.codeDeploy().deployment(target.get(), deploymentId);
        String blue = d.taskSets().stream().filter(s -> "BLUE".equalsIgnoreCase(s.label())).map(CodeDeployment.TaskSet::id).findFirst().orElse(null);
        String original = services.taskSets().taskSets(target.get(), environment.cluster(), environment.service()).stream()
                .filter(s -> blue == null ? s.primary() : blue.equals(s.id())).map(TaskSetInfo::taskDefinition).findFirst()
                .orElseThrow(() -> new IllegalStateException("The original task set of " + deploymentId + " is gone: CodeDeploy has finished "
                        + "with it; roll back with capstan rollback instead."));
        context.rememberOnce(RegisterRevision.BASE_TASK_DEFINITION, original);
        return deploymentId + " replaces " + TaskDefinitionNames.familyRevision(original);
    }
}
