package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskSetInfo;

/** What a service deployed through CodeDeploy serves: its PRIMARY task set, as ECS reports it. */
final class Serving {
    private Serving() {
    }

    static TaskSetInfo primary(CodeDeployServices services, AwsTarget target, Environment environment) {
        return services.taskSets().taskSets(target, environment.cluster(), environment.service()).stream().filter(TaskSetInfo::primary)
                .findFirst().orElseThrow(() -> new IllegalStateException(environment.service() + " on " + environment.name()
                        + " has no PRIMARY task set: CodeDeploy has not deployed it yet, or ECS does not report its task sets."));
    }
}
