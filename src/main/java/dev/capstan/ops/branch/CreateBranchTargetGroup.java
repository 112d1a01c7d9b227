package dev.capstan.ops.branch;

import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.Optional;

/** A target group like the environment's, under the branch's name, tagged; one of that name made before is used again. */
final class CreateBranchTargetGroup implements Step {
    private final CreateBranch branch;

    CreateBranchTargetGroup(CreateBranch branch) {
        this.branch = branch;
    }

    @Override
    public String id() {
        return "create-target-group";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.change("Create target group " + branch.targetGroupName() + " like "
                + TargetHealthGateway.name(branch.request().like().targetGroupArn()), "none", branch.targetGroupName());
    }

    @Override
    public String run(StepContext context) {
        Optional<String> existing = branch.services().branches().targetGroupNamed(branch.target(), branch.targetGroupName());
        if (existing.isPresent()) {
            context.rememberOnce(CreateBranch.TARGET_GROUP, existing.get());
            return "Target group " + branch.targetGroupName() + " is there already";
        }
        String arn = branch.services().branches().createTargetGroupLike(branch.target(), branch.request().like().targetGroupArn(),
                branch.targetGroupName(), branch.tags(context.runId()));
        context.rememberOnce(CreateBranch.TARGET_GROUP, arn);
        return "Created target group " + branch.targetGroupName();
    }
}
