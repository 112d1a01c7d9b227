package dev.capstan.cli;

import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.codedeploy.CodeDeployPicture;
import dev.capstan.ops.controller.Deploys;
import dev.capstan.ops.rolling.Rolling;
import dev.capstan.ops.rolling.RollingPicture;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Where a service's deployment is, in a few lines above the deploy history: for CodeDeploy, the group, the newest deployment's
 * status, lifecycle events, task sets and approval wait; for ECS's own blue/green, linear and canary, the stage and the traffic
 * shifted. A rolling service has nothing to add here: its deploys say it.
 */
final class DeploymentStatus {
    private final Deploys deploys;
    private final Rolling rolling;

    DeploymentStatus(Deploys deploys, Rolling rolling) {
        this.deploys = deploys;
        this.rolling = rolling;
    }

    void print(Environment environment, PrintWriter out) {
        String controller = deploys.controller(environment);
        if (ServiceRollout.CODE_DEPLOY.equals(controller)) {
            codeDeploy(environment, deploys.codeDeploys().picture(environment), out);
        } else if (ServiceRollout.ECS.equals(controller)) {
            RollingPicture picture = rolling.picture(environment);
            if (!picture.rollout().strategy().rolling()) {
                out.println("ECS " + picture.rollout().strategy().describe() + "; serving " + TaskDefinitionNames.familyRevision(picture.rollout().taskDefinition()));
                picture.serviceDeployment().ifPresent(d -> out.println("Deployment " + d.arn().substring(d.arn().lastIndexOf('/') + 1) + ": " + d.status()
                        + (d.stage() == null ? "" : " at " + d.stage()) + ", " + d.trafficShifted(picture.rollout().strategy())
                        + d.bakeLeft(picture.rollout().strategy(), Instant.now()).map(left -> ", bake " + RunReport.human(left) + " left").orElse("")
                        + (d.inProgress() ? " (stop it: capstan deploy stop --env " + environment.name() + ")" : "")));
                out.println();
            }
        }
    }

    private static void codeDeploy(Environment environment, CodeDeployPicture picture, PrintWriter out) {
        out.println("CodeDeploy " + picture.group().label() + " (" + picture.group().config() + "); serving "
                + TaskDefinitionNames.familyRevision(picture.serving()) + " (" + picture.image() + ")");
        CodeDeployment d = picture.current();
        if (d == null) {
            out.println("No deployment yet.");
            out.println();
            return;
        }
        out.println("Deployment " + d.id() + ": " + d.status() + (d.taskDefinition() == null ? "" : " of " + TaskDefinitionNames.familyRevision(d.taskDefinition()))
                + picture.approvalLeft().map(left -> ", waiting for approval (" + RunReport.human(left) + " left): capstan deploy approve --env "
                + environment.name()).orElse("") + (d.errorMessage() == null ? "" : ": " + d.errorMessage()));
        if (!d.events().isEmpty()) {
            out.println("  " + d.events().stream().map(e -> e.name() + " " + e.status() + d.hookOf(e.name()).map(f -> " (" + f + ")").orElse(""))
                    .collect(Collectors.joining(", ")));
        }
        d.taskSets().forEach(set -> out.println("  " + set.label() + " " + Math.round(set.trafficWeight()) + "% of production traffic, " + set.running()
                + "/" + set.desired() + " running, " + set.targetGroup() + " " + picture.health(set) + " (" + set.status() + ")"));
        out.println();
    }
}
