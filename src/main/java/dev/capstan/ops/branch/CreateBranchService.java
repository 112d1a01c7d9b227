package dev.capstan.ops.branch;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** The branch's service beside the environment's: same cluster, launch type and network, one task of the branch revision, in its target group. */
final class CreateBranchService implements Step {
    private final CreateBranch branch;

    CreateBranchService(CreateBranch branch) {
        this.branch = branch;
    }

    @Override
    public String id() {
        return "create-service";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.change("Create service " + branch.serviceName() + " in " + branch.environment().cluster() + " with one task, "
                + "in the network of " + branch.environment().service(), "none", branch.serviceName());
    }

    @Override
    public String run(StepContext context) {
        if (branch.services().branches().activeService(branch.target(), branch.environment().cluster(), branch.serviceName()).isPresent()) {
            return "Service " + branch.serviceName() + " is there already";
        }
        String revision = context.fact(CreateBranch.REVISION).orElseThrow(() -> new IllegalStateException("The journal holds no branch revision."));
        String targetGroup = context.fact(CreateBranch.TARGET_GROUP).orElseThrow(() -> new IllegalStateException("The journal holds no target group."));
        branch.services().branches().createService(branch.target(), branch.environment().cluster(), branch.serviceName(), branch.request().like(),
                revision, targetGroup, 1, branch.tags(context.runId()));
        return "Created service " + branch.serviceName();
    }
}
