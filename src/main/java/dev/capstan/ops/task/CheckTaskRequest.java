package dev.capstan.ops.task;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/**
 * Refuses, before anything runs, a task that ECS would refuse or run wrongly: a task definition that is
 * not Fargate-compatible, a container it does not have, subnets or security groups that do not exist.
 * The plan runs these checks (so a bad request never reaches confirmation) and the run runs them again.
 */
final class CheckTaskRequest implements Step {
    private final OneOffTask task;

    CheckTaskRequest(OneOffTask task) {
        this.task = task;
    }

    @Override
    public String id() {
        return "check-request";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        TaskDefRevision revision = check();
        TaskRunRequest request = task.request();
        return StepPreview.of("Check that " + revision.name() + " runs on Fargate with container " + request.container()
                + ", and that subnets " + String.join(", ", request.subnets()) + " and security groups "
                + String.join(", ", request.securityGroups()) + " exist");
    }

    @Override
    public String run(StepContext context) {
        TaskDefRevision revision = check();
        int subnets = task.request().subnets().size();
        int groups = task.request().securityGroups().size();
        return revision.name() + " runs on Fargate and has container " + task.request().container() + "; " + subnets
                + (subnets == 1 ? " subnet" : " subnets") + " and " + groups + (groups == 1 ? " security group" : " security groups") + " found";
    }

    private TaskDefRevision check() {
        TaskRunRequest request = task.request();
        AwsTarget target = task.target();
        TaskDefRevision revision = task.services().taskDefinitions().revision(target, request.taskDefinition());
        if (!revision.requiresCompatibilities().contains("FARGATE") || !"awsvpc".equals(revision.networkMode())) {
            throw new IllegalArgumentException(revision.name() + " is not Fargate-compatible (requiresCompatibilities: "
                    + (revision.requiresCompatibilities().isEmpty() ? "none" : String.join(", ", revision.requiresCompatibilities()))
                    + "; networkMode: " + revision.networkMode() + "). Choose a revision registered with requiresCompatibilities FARGATE "
                    + "and networkMode awsvpc.");
        }
        List<String> containers = revision.containers().stream().map(TaskDefRevision.Container::name).toList();
        if (!containers.contains(request.container())) {
            throw new IllegalArgumentException(revision.name() + " has no container named " + request.container() + "; it has "
                    + String.join(", ", containers) + ". Choose one of those.");
        }
        List<String> subnets = task.services().network().missingSubnets(target, request.subnets());
        if (!subnets.isEmpty()) {
            throw new IllegalArgumentException("Subnet " + String.join(", ", subnets) + " does not exist in " + target.region()
                    + " for this account; correct the subnet ids (network.subnets in the workspace, or the form).");
        }
        List<String> groups = task.services().network().missingSecurityGroups(target, request.securityGroups());
        if (!groups.isEmpty()) {
            throw new IllegalArgumentException("Security group " + String.join(", ", groups) + " does not exist in " + target.region()
                    + " for this account; correct the group ids (network.securityGroups in the workspace, or the form).");
        }
        return revision;
    }
}
