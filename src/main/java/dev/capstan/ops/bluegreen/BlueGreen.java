package dev.capstan.ops.bluegreen;

import dev.capstan.domain.Environment;
import dev.capstan.domain.RevisionName;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.deploy.ImageChoice;
import dev.capstan.ops.deploy.PromotionGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blue/green for the fronts: the environment's picture (colours, sets, images, who deployed them), deploys
 * (an image tag or a whole image, checked against the promotion gate before anything is planned) and
 * rollbacks, and the factories that rebuild them on resume.
 */
public final class BlueGreen {
    private final BlueGreenServices services;
    private final BlueGreenReader reader;
    private final OperationType<BlueGreenDeploy.Request> deployType;
    private final List<OperationType<?>> declarations;

    public BlueGreen(BlueGreenServices services) {
        this.services = services;
        this.reader = new BlueGreenReader(services);
        this.deployType = OperationType.declare(BlueGreenDeploy.TYPE, BlueGreenDeploy.Request.class)
                .summary("Deploy an image (a tag, a whole image, or a whole revision) behind the idle colour, then move the traffic to it.")
                .parameter(Parameter.required("image", "A tag of the serving image's repository (such as a476b78), a whole image "
                        + "reference, or a task definition revision (FAMILY:REV or its ARN) deployed as it is."))
                .parameter(Parameter.withDefault("timeout", "How long to wait until the new task set is stable.", "20m"))
                .fromWords((env, w) -> deploy(env, w.text("image"), w.duration("timeout")))
                .rebuild((env, request) -> new BlueGreenDeploy(env, request, services, reader, List.of()));
        this.declarations = List.of(deployType,
                OperationType.declare(BlueGreenRollback.TYPE, BlueGreenRollback.Request.class)
                        .summary("Move the traffic back to the colour that served before the last deploy.")
                        .fromWords((env, w) -> rollback(env))
                        .rebuild((env, request) -> new BlueGreenRollback(env, services, reader)));
    }

    public BlueGreenPicture picture(Environment environment) {
        return reader.read(environment);
    }

    public DeployHistory history() {
        return reader.history();
    }

    /**
     * @param image a tag (the PRIMARY set's image repository with this tag), a whole image reference, or a whole
     *              task definition revision (FAMILY:REVISION or its ARN), deployed as it is
     * @throws IllegalArgumentException with what to fix: not a blue/green service, gate not passed, no such container
     */
    public BlueGreenDeploy deploy(Environment environment, String image, Duration timeout) {
        BlueGreenPicture now = reader.read(environment);
        TaskSetInfo primary = now.primary().orElseThrow(() -> new IllegalArgumentException(environment.service() + " on " + environment.name()
                + " has no PRIMARY task set: blue/green deploys need a service with the EXTERNAL deployment controller and one task set."));
        String current = reader.image(environment, services.targets().of(environment), primary.taskDefinition());
        String revision = isRevision(image) ? services.taskDefinitions().revision(services.targets().of(environment), RevisionName.require(image, environment.region())).arn() : null;
        String full = revision != null ? reader.image(environment, services.targets().of(environment), revision) : resolve(image, current);
        new PromotionGate(services.runs()).check(environment, full);
        String container = environment.container() != null ? environment.container()
                : services.taskDefinitions().revision(services.targets().of(environment), primary.taskDefinition()).containers().get(0).name();
        List<String> warnings = new ArrayList<>();
        if (full.equals(current)) {
            warnings.add(full + " is what " + environment.name() + " serves already; the deploy makes a new task set of it all the same.");
        }
        now.taskSets().stream().filter(s -> !s.primary()).forEach(s -> warnings.add("Task set " + s.id()
                + " (the rollback target of the deploy before) will be deleted."));
        return new BlueGreenDeploy(environment, new BlueGreenDeploy.Request(full, revision, container, timeout), services, reader, warnings);
    }

    static boolean isRevision(String given) {
        return ImageChoice.isRevision(given);
    }

    public BlueGreenRollback rollback(Environment environment) {
        BlueGreenReader.requireBlueGreen(environment);
        return new BlueGreenRollback(environment, services, reader);
    }

    /** The last successful deploy whose image is not what the environment serves now: what to re-deploy when a rollback cannot be done. */
    public Optional<DeployHistory.Deployed> redeployTarget(Environment environment, BlueGreenPicture now) {
        String serving = now.activeSide().image();
        return reader.history().deploys(environment.name()).stream().filter(d -> d.image() != null && !d.image().equals(serving)).findFirst();
    }

    static String cannotRollBack(Environment environment, BlueGreenPicture now, DeployHistory history) {
        BlueGreenPicture.Side idle = now.idleSide();
        String why = idle.taskSet().isEmpty() ? "no task set is behind " + idle.colour()
                : "the task set behind " + idle.colour() + " is not serving (" + idle.running() + " of " + idle.tasks().size() + " tasks RUNNING, "
                + idle.healthyTargets() + " of " + idle.targets() + " targets healthy)";
        String serving = now.activeSide().image();
        String redeploy = history.deploys(environment.name()).stream().filter(d -> d.image() != null && !d.image().equals(serving)).findFirst()
                .map(d -> " Re-deploy the last successful image instead: " + d.image() + " (deployed by " + d.who() + " at " + d.when() + ").")
                .orElse(" No earlier successful deploy is in the journals to re-deploy.");
        return "Cannot roll back " + environment.name() + ": " + why + "." + redeploy;
    }

    static String resolve(String image, String current) {
        return ImageChoice.resolve(image, current);
    }

    /** How long a deploy waits for its new task set when nobody says otherwise: the declared default. */
    public Duration deployTimeout() {
        return deployType.defaultDuration("timeout");
    }

    /** The deploy and the rollback, as operation types. */
    public List<OperationType<?>> declarations() {
        return declarations;
    }
}
