package dev.capstan.ops.task;

import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.domain.TaskLaunch;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;
import java.util.Optional;

/**
 * Starts the task, once. Before calling RunTask it looks for a task this run already started: in the
 * journal, and in ECS by startedBy (the run's id), which covers a console that died after RunTask
 * answered but before the ARN was journaled.
 */
final class StartTask implements Step {
    static final String TASK_ARN = "taskArn";
    static final String LOGS_FROM = "logsFromMillis";
    private final OneOffTask task;

    StartTask(OneOffTask task) {
        this.task = task;
    }

    @Override
    public String id() {
        return "start-task";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        TaskRunRequest r = task.request();
        String environment = r.environment().isEmpty() ? "" : " with " + String.join(", ", r.environment().keySet()) + " overridden";
        return new StepPreview("Start one Fargate task of " + TaskDefinitionNames.familyRevision(r.taskDefinition()) + " in "
                + task.env().cluster() + ", container " + r.container() + " running " + TaskRunRequest.commandJson(r.command()) + environment
                + "; subnets " + String.join(", ", r.subnets()) + ", security groups " + String.join(", ", r.securityGroups())
                + ", public IP " + (r.assignPublicIp() ? "ENABLED" : "DISABLED"), "no task", "1 task started by this run");
    }

    @Override
    public String run(StepContext context) {
        Optional<String> journaled = context.fact(TASK_ARN);
        if (journaled.isPresent()) {
            return "Task " + id(journaled.get()) + " was started by this run before; watching it again, no second task started";
        }
        String cluster = task.env().cluster();
        List<String> found = task.services().ecs().tasksStartedBy(task.target(), cluster, context.runId());
        if (!found.isEmpty()) {
            String arn = context.rememberOnce(TASK_ARN, found.get(0));
            return "Found task " + id(arn) + ", started by this run before Capstan stopped; no second task started";
        }
        // Logs are read from a little before the start, so a first line written as the task starts is not missed.
        context.rememberOnce(LOGS_FROM, Long.toString(task.services().logs().clock().millis() - 60_000));
        TaskRunRequest r = task.request();
        String arn = task.services().ecs().runTask(task.target(), new TaskLaunch(cluster, r.taskDefinition(), r.container(), r.command(),
                r.environment(), r.subnets(), r.securityGroups(), r.assignPublicIp(), context.runId()));
        context.rememberOnce(TASK_ARN, arn);
        return "Started task " + id(arn) + " of " + TaskDefinitionNames.familyRevision(r.taskDefinition());
    }

    static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
