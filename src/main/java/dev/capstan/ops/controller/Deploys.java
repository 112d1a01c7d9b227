package dev.capstan.ops.controller;

import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenDeploy;
import dev.capstan.ops.bluegreen.BlueGreenRollback;
import dev.capstan.ops.codedeploy.ApproveDeployment;
import dev.capstan.ops.codedeploy.CodeDeployRelease;
import dev.capstan.ops.codedeploy.CodeDeploys;
import dev.capstan.ops.codedeploy.StopAndRollBack;
import dev.capstan.ops.deploy.LocalCommand;
import dev.capstan.ops.rolling.Rolling;
import dev.capstan.ops.rolling.RollingDeploy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Deploy and roll back whatever controller deploys the service: ECS's own (rolling), EXTERNAL (task sets behind blue/green
 * rules), CODE_DEPLOY (CodeDeploy blue/green); approve and stop what is in progress. The fronts and runbooks say "deploy" and "rollback"; this reads the service's controller and hands the words to the
 * deploys that fit it, so nobody has to know which one a service uses at 3 a.m.
 */
public final class Deploys {
    /** Every operation type that deploys or rolls back: what a new deploy must not run beside, unfinished. */
    public static final Set<String> TYPES = Set.of(RollingDeploy.TYPE, RollingDeploy.ROLLBACK_TYPE, BlueGreenDeploy.TYPE, BlueGreenRollback.TYPE,
            CodeDeployRelease.TYPE, CodeDeployRelease.ROLLBACK_TYPE, ApproveDeployment.TYPE, StopAndRollBack.TYPE);
    private final Rolling rolling;
    private final BlueGreen blueGreen;
    private final CodeDeploys codeDeploys;
    private final RunStore runs;
    private final List<OperationType<?>> declarations;

    public Deploys(Rolling rolling, BlueGreen blueGreen, CodeDeploys codeDeploys, RunStore runs) {
        this.rolling = rolling;
        this.blueGreen = blueGreen;
        this.codeDeploys = codeDeploys;
        this.runs = runs;
        this.declarations = List.of(
                OperationType.declare("deploy", RollingDeploy.Request.class)
                        .summary("Deploy an image however the service is deployed: rolled out by ECS, blue/green with task sets, or through CodeDeploy.")
                        .parameter(Parameter.required("image", "A tag of the serving image's repository, a whole image reference, "
                                + "or a task definition revision (FAMILY:REV or its ARN)."))
                        .parameter(Parameter.withDefault("timeout", "How long to wait for the new tasks.", "20m"))
                        .parameter(Parameter.withDefault("raise-group", Rolling.RAISE_GROUP_HELP, "false"))
                        .fromWords((env, w) -> deploy(env, w.text("image"), w.duration("timeout"), w.flag("raise-group")))
                        .rebuild((env, request) -> rolling.deploy(env, request.image(), request.timeout(), request.raiseGroup())),
                OperationType.declare("rollback", RollingDeploy.Request.class)
                        .summary("Roll back however the service is deployed: the last known good revision, or the colour that served before.")
                        .parameter(Parameter.optional("to", "A revision to go back to (FAMILY:REV), for a service ECS rolls out."))
                        .parameter(Parameter.withDefault("timeout", "How long to wait for the rollback's tasks.", "20m"))
                        .fromWords((env, w) -> rollback(env, w.textOrNull("to"), w.duration("timeout")))
                        .rebuild((env, request) -> rolling.rollback(env, request.revision(), request.timeout())));
    }

    /** The controller that deploys the environment's service: ECS, EXTERNAL or CODE_DEPLOY. */
    public String controller(Environment environment) {
        return rolling.rollout(environment).controller();
    }

    public Operation deploy(Environment environment, String image, Duration timeout) {
        return deploy(environment, image, timeout, false);
    }

    /** @param raiseGroup raise the auto scaling group first, for room (rolling deploys on EC2) */
    public Operation deploy(Environment environment, String image, Duration timeout, boolean raiseGroup) {
        return switch (controller(environment)) {
            case ServiceRollout.EXTERNAL -> {
                if (raiseGroup) {
                    throw new IllegalArgumentException(environment.service() + " is deployed blue/green with task sets; raise-group is for rolling "
                            + "deploys. Raise the group itself, then deploy.");
                }
                yield blueGreen.deploy(environment, image, timeout);
            }
            case ServiceRollout.ECS -> rolling.deploy(environment, image, timeout, raiseGroup);
            default -> {
                if (raiseGroup) {
                    throw new IllegalArgumentException(environment.service() + " is deployed through CodeDeploy; raise-group is for rolling "
                            + "deploys. Raise the group itself, then deploy.");
                }
                yield codeDeploys.deploy(environment, image, timeout);
            }
        };
    }

    /** @param to a revision to go back to, or null for the last known good (rolling) or the colour that served before (blue/green) */
    public Operation rollback(Environment environment, String to, Duration timeout) {
        return switch (controller(environment)) {
            case ServiceRollout.EXTERNAL -> {
                if (to != null && !to.isBlank()) {
                    throw new IllegalArgumentException(environment.service() + " is deployed blue/green: a rollback moves the traffic back to the "
                            + "colour that served before; to serve " + to + ", deploy it (capstan deploy --image " + to + ").");
                }
                yield blueGreen.rollback(environment);
            }
            case ServiceRollout.ECS -> rolling.rollback(environment, to, timeout);
            default -> codeDeploys.rollback(environment, to, timeout);
        };
    }

    /** Reroute traffic for the CodeDeploy deployment that waits for approval. */
    public Operation approve(Environment environment, Duration timeout) {
        if (!ServiceRollout.CODE_DEPLOY.equals(controller(environment))) {
            throw new IllegalArgumentException(environment.service() + " on " + environment.name() + " is not deployed through CodeDeploy: "
                    + "its deploys do not wait for approval.");
        }
        return codeDeploys.approve(environment, timeout);
    }

    /** Stop the deployment in progress and roll it back: CodeDeploy's, or ECS's own (StopServiceDeployment). */
    public Operation stop(Environment environment, Duration timeout) {
        return switch (controller(environment)) {
            case ServiceRollout.EXTERNAL -> throw new IllegalArgumentException(environment.service() + " is deployed blue/green with task sets: "
                    + "nothing runs on its own to stop; roll back to move the traffic back.");
            case ServiceRollout.ECS -> rolling.stop(environment, timeout);
            default -> codeDeploys.stop(environment, timeout);
        };
    }

    public CodeDeploys codeDeploys() {
        return codeDeploys;
    }

    /** One deploy or rollback of any kind: when it ended, who ran it, what it served, and how it ended. */
    public record Entry(String runId, Instant when, String who, String kind, String image, String revision, RunOutcome outcome, String error) {
    }

    /** The environment's deploys and rollbacks of every kind, newest first. */
    public List<Entry> history(String environment) {
        return runs.summaries(environment).stream().filter(r -> TYPES.contains(r.operationType()))
                .map(r -> new Entry(r.id(), r.finishedAt() != null ? r.finishedAt() : r.startedAt(), r.osUser(), kind(r.operationType()),
                        r.parameters().get("image"), r.fact(LocalCommand.NEW_REVISION).orElse(r.parameters().get("revision")), r.outcome(), r.error()))
                .toList();
    }

    private static String kind(String type) {
        return switch (type) {
            case RollingDeploy.TYPE -> "deploy";
            case RollingDeploy.ROLLBACK_TYPE -> "rollback";
            case BlueGreenDeploy.TYPE -> "deploy (blue/green)";
            case CodeDeployRelease.TYPE -> "deploy (CodeDeploy)";
            case CodeDeployRelease.ROLLBACK_TYPE -> "rollback (CodeDeploy)";
            case ApproveDeployment.TYPE -> "reroute traffic (CodeDeploy)";
            case StopAndRollBack.TYPE -> "stop and roll back (CodeDeploy)";
            default -> "rollback (blue/green)";
        };
    }

    /** The runbook words deploy and rollback, which pick the controller's operation. */
    public List<OperationType<?>> declarations() {
        return declarations;
    }
}
