package dev.capstan.ops.rolling;

import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** The new revision: the one the service ran, with the container's image replaced, or the whole revision asked for. Registered once (journaled). */
final class RegisterRevision implements Step {
    private final RollingDeploy deploy;

    RegisterRevision(RollingDeploy deploy) {
        this.deploy = deploy;
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
        RollingDeploy.Request r = deploy.request();
        if (r.revision() != null) {
            return StepPreview.of("Deploy the existing revision " + TaskDefinitionNames.familyRevision(r.revision()) + " as it is ("
                    + r.image() + "); nothing is registered");
        }
        String base = deploy.services().rollouts().rollout(deploy.target(), deploy.environment().cluster(), deploy.environment().service())
                .taskDefinition();
        String before = deploy.services().taskDefinitions().revision(deploy.target(), base).containers().stream()
                .filter(c -> c.name().equals(r.container())).map(c -> c.image()).findFirst().orElse("?");
        return StepPreview.change("Register a new revision of " + TaskDefinitionNames.familyRevision(base) + " with " + r.container() + " on "
                + r.image(), before.substring(before.lastIndexOf('/') + 1), r.image().substring(r.image().lastIndexOf('/') + 1));
    }

    @Override
    public String run(StepContext context) {
        String made = context.fact(RollingDeploy.NEW_TASK_DEFINITION).orElse(null);
        if (made != null) {
            return "Registered earlier: " + TaskDefinitionNames.familyRevision(made);
        }
        RollingDeploy.Request r = deploy.request();
        if (r.revision() != null) {
            context.rememberOnce(RollingDeploy.NEW_TASK_DEFINITION, r.revision());
            return "Deploys " + TaskDefinitionNames.familyRevision(r.revision()) + " as it is";
        }
        String base = context.fact(RollingDeploy.BASE_TASK_DEFINITION).orElseThrow();
        String arn = deploy.services().revisions().registerWithImage(deploy.target(), base, r.container(), r.image());
        context.rememberOnce(RollingDeploy.NEW_TASK_DEFINITION, arn);
        return "Registered " + TaskDefinitionNames.familyRevision(arn);
    }
}
