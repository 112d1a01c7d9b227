package dev.capstan.ops.branch;

import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.Optional;

/** The environment's revision with the branch's image, tagged; a revision this branch registered before is used again. */
final class RegisterBranchRevision implements Step {
    private final CreateBranch branch;

    RegisterBranchRevision(CreateBranch branch) {
        this.branch = branch;
    }

    @Override
    public String id() {
        return "register-revision";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.change("Register a revision of " + TaskDefinitionNames.familyRevision(branch.request().like().taskDefinition())
                + " with container " + branch.request().like().containerName() + " running " + branch.request().image(), "the environment's revision",
                branch.request().image());
    }

    @Override
    public String run(StepContext context) {
        Optional<String> known = context.fact(CreateBranch.REVISION);
        if (known.isEmpty()) {
            String family = TaskDefinitionNames.family(branch.request().like().taskDefinition());
            known = branch.services().registry().taggedRevision(branch.target(), family, BranchNames.RUN, context.runId());
        }
        if (known.isPresent()) {
            context.rememberOnce(CreateBranch.REVISION, known.get());
            return TaskDefinitionNames.familyRevision(known.get()) + " was registered by this run already";
        }
        String arn = branch.services().registry().registerWithImage(branch.target(), branch.request().like().taskDefinition(),
                branch.request().like().containerName(), branch.request().image(), branch.tags(context.runId()));
        context.rememberOnce(CreateBranch.REVISION, arn);
        return "Registered " + TaskDefinitionNames.familyRevision(arn) + " with " + branch.request().image();
    }
}
