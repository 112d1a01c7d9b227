package dev.capstan.ops.codedeploy;

import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.deploy.RegisterRevision;

/** Reads the revision the service serves before the deploy (its PRIMARY task set's): what a rollback of this deploy goes back to. Journaled once. */
final class ReadServing implements Step {
    private final CodeDeployRelease deploy;

    ReadServing(CodeDeployRelease deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "read-service";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Read what " + deploy.environment().service() + " serves now ("
                + TaskDefinitionNames.familyRevision(read().taskDefinition()) + ", its PRIMARY task set)");
    }

    @Override
    public String run(StepContext context) {
        if (context.fact(RegisterRevision.BASE_TASK_DEFINITION).isPresent()) {
            return "Served " + TaskDefinitionNames.familyRevision(context.fact(RegisterRevision.BASE_TASK_DEFINITION).get()) + " before this deploy (read earlier)";
        }
        String serving = read().taskDefinition();
        context.rememberOnce(RegisterRevision.BASE_TASK_DEFINITION, serving);
        return deploy.environment().service() + " serves " + TaskDefinitionNames.familyRevision(serving);
    }

    private TaskSetInfo read() {
        return Serving.primary(deploy.services(), deploy.target(), deploy.environment());
    }
}
