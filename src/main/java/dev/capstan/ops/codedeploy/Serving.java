package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.domain.TaskSetInfo;
import java.util.ArrayList;
import java.util.List;

/** What a service deployed through CodeDeploy serves: its PRIMARY task set, as ECS reports it, and whether a revision serves healthy. */
final class Serving {
    private Serving() {
    }

    static TaskSetInfo primary(CodeDeployServices services, AwsTarget target, Environment environment) {
        return primary(services.taskSets().taskSets(target, environment.cluster(), environment.service()), environment);
    }

    /** The PRIMARY one of task sets already read. */
    static TaskSetInfo primary(List<TaskSetInfo> sets, Environment environment) {
        return sets.stream().filter(TaskSetInfo::primary)
                .findFirst().orElseThrow(() -> new IllegalStateException(environment.service() + " on " + environment.name()
                        + " has no PRIMARY task set: CodeDeploy has not deployed it yet, or ECS does not report its task sets."));
    }

    /** What is still missing for {@code revision} to serve: empty when the PRIMARY task set runs it behind healthy targets only. */
    static List<String> pending(CodeDeployServices services, AwsTarget target, Environment environment, String revision) {
        TaskSetInfo primary = primary(services, target, environment);
        List<String> pending = new ArrayList<>();
        if (revision != null && !revision.equals(primary.taskDefinition())) {
            pending.add("the PRIMARY task set to run " + TaskDefinitionNames.familyRevision(revision) + " (it runs "
                    + TaskDefinitionNames.familyRevision(primary.taskDefinition()) + ")");
            return pending;
        }
        for (String targetGroup : primary.targetGroups()) {
            List<TargetGroupInfo.Target> targets = services.targetHealth().health(target, targetGroup);
            long healthy = targets.stream().filter(t -> "healthy".equals(t.state())).count();
            if (healthy == 0 || healthy < targets.size()) {
                pending.add(healthy + " of " + targets.size() + " targets healthy in " + TargetHealthGateway.name(targetGroup));
            }
        }
        return pending;
    }
}
