package dev.capstan.ops.bluegreen;

import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;
import java.util.Optional;

/** The new task set behind the idle colour, found again by its external id (the run's id) when resumed. */
final class CreateTaskSet implements Step {
    private final BlueGreenDeploy deploy;

    CreateTaskSet(BlueGreenDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "create-task-set";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        Colour idle = deploy.reader().read(deploy.environment()).active().other();
        return StepPreview.of("Create a task set of the new revision behind " + idle + " (" + idle.targetGroup(deploy.environment().loadBalancer())
                .replaceAll(".*:targetgroup/([^/]+)/.*", "$1") + "), as many tasks as the service desires");
    }

    @Override
    public String run(StepContext context) {
        List<TaskSetInfo> sets = deploy.services().taskSets().taskSets(deploy.target(), deploy.cluster(), deploy.service());
        Optional<TaskSetInfo> mine = sets.stream().filter(s -> context.runId().equals(s.externalId())).findFirst();
        if (mine.isPresent()) {
            context.rememberOnce(BlueGreenDeploy.NEW_TASK_SET, mine.get().arn());
            return "Task set " + mine.get().id() + " was made earlier by this deploy";
        }
        String original = context.fact(BlueGreenDeploy.ORIGINAL_PRIMARY).orElseThrow();
        TaskSetInfo like = sets.stream().filter(s -> s.arn().equals(original)).findFirst()
                .or(() -> sets.stream().filter(TaskSetInfo::primary).findFirst())
                .orElseThrow(() -> new IllegalStateException("The task set that was PRIMARY is gone; start over."));
        Colour to = Colour.valueOf(context.fact(BlueGreenDeploy.TO).orElseThrow());
        String arn = deploy.services().taskSets().createTaskSet(deploy.target(), deploy.cluster(), deploy.service(),
                context.fact(BlueGreenDeploy.NEW_TASK_DEFINITION).orElseThrow(), to.targetGroup(deploy.environment().loadBalancer()), like, context.runId());
        context.rememberOnce(BlueGreenDeploy.NEW_TASK_SET, arn);
        return "Created task set " + arn.substring(arn.lastIndexOf('/') + 1) + " behind " + to;
    }
}
