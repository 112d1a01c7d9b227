package dev.capstan.ops.bluegreen;

import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** Reads which colour serves and journals it with the PRIMARY set: a resumed deploy keeps these, whatever it finds later. */
final class ReadColours implements Step {
    private final BlueGreenDeploy deploy;

    ReadColours(BlueGreenDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "read-colours";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        BlueGreenPicture now = deploy.reader().read(deploy.environment());
        return StepPreview.of("Read the active colour: " + now.active() + " now serves (rule priority " + now.activeSide().rule().priority()
                + "); the new task set goes behind " + now.active().other());
    }

    @Override
    public String run(StepContext context) {
        BlueGreenPicture now = deploy.reader().read(deploy.environment());
        TaskSetInfo primary = now.primary().orElseThrow(() -> new IllegalStateException(deploy.service()
                + " has no PRIMARY task set; make one PRIMARY (or start the deploy over after fixing it) first."));
        String from = context.rememberOnce(BlueGreenDeploy.FROM, now.active().name());
        String to = context.rememberOnce(BlueGreenDeploy.TO, now.active().other().name());
        context.rememberOnce(BlueGreenDeploy.ORIGINAL_PRIMARY, primary.arn());
        context.rememberOnce(BlueGreenDeploy.BASE_TASK_DEFINITION, primary.taskDefinition());
        return from + " serves with task set " + primary.id() + "; the new set goes behind " + to;
    }
}
