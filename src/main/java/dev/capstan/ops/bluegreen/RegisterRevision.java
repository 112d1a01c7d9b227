package dev.capstan.ops.bluegreen;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** The new revision: the PRIMARY set's, with the container's image replaced. Registered once per deploy (journaled). */
final class RegisterRevision implements Step {
    private final BlueGreenDeploy deploy;

    RegisterRevision(BlueGreenDeploy deploy) {
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
        if (deploy.revision() != null) {
            return StepPreview.of("Deploy the existing revision " + deploy.revision().substring(deploy.revision().lastIndexOf('/') + 1)
                    + " as it is (" + deploy.image() + "); nothing is registered");
        }
        String base = deploy.reader().read(deploy.environment()).primary().map(s -> s.taskDefinition()).orElse("?");
        String before = deploy.reader().image(deploy.environment(), deploy.target(), base);
        return StepPreview.change("Register a new revision of " + base.substring(base.lastIndexOf('/') + 1) + " with " + deploy.container()
                + " on " + deploy.image(), before.substring(before.lastIndexOf('/') + 1), deploy.image().substring(deploy.image().lastIndexOf('/') + 1));
    }

    @Override
    public String run(StepContext context) {
        String made = context.fact(BlueGreenDeploy.NEW_TASK_DEFINITION).orElse(null);
        if (made != null) {
            return "Registered earlier: " + made.substring(made.lastIndexOf('/') + 1);
        }
        if (deploy.revision() != null) {
            context.rememberOnce(BlueGreenDeploy.NEW_TASK_DEFINITION, deploy.revision());
            return "Deploys " + deploy.revision().substring(deploy.revision().lastIndexOf('/') + 1) + " as it is";
        }
        String base = context.fact(BlueGreenDeploy.BASE_TASK_DEFINITION).orElseThrow();
        String arn = deploy.services().taskSets().registerWithImage(deploy.target(), base, deploy.container(), deploy.image());
        context.rememberOnce(BlueGreenDeploy.NEW_TASK_DEFINITION, arn);
        return "Registered " + arn.substring(arn.lastIndexOf('/') + 1);
    }
}
