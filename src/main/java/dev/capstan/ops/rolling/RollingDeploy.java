package dev.capstan.ops.rolling;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ImageReference;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.capacity.RaiseGroupToMaximum;
import dev.capstan.ops.deploy.LocalCommand;
import dev.capstan.ops.deploy.RegisterRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deploy through the ECS deployment controller: register the new revision from the one the service runs (or take a
 * whole revision as it is), run the migration from it, point the service at it, and watch ECS roll it out until every
 * task runs it behind a healthy target, or until ECS's circuit breaker (or anything else) ends it. A rollback is the same
 * deploy of a revision the service ran well before. Every step looks at live state first, so a resumed deploy ends as if
 * the first had succeeded.
 */
public final class RollingDeploy implements Operation {
    public static final String TYPE = "rolling.deploy";
    public static final String ROLLBACK_TYPE = "rolling.rollback";
    static final String BASE_TASK_DEFINITION = RegisterRevision.BASE_TASK_DEFINITION;
    static final String NEW_TASK_DEFINITION = LocalCommand.NEW_REVISION;
    static final String ROLLOUT_STARTED = "rolloutStartedAt";
    /** The service's tasks, live and lately stopped, as the rollout began: none of them is one of its failures. */
    static final String TASKS_BEFORE = "tasksBeforeRollout";
    /** Journaled when ECS itself stopped the deployment and rolls back: the rollback then only watches. */
    static final String STOPPED_BY_ECS = "stoppedByEcs";

    private final Environment environment;
    private final Request request;
    private final boolean rollback;
    private final RollingServices services;
    private final List<String> warnings;

    /**
     * A deploy as confirmed.
     *
     * @param image     the whole image reference served
     * @param revision  a whole revision deployed as it is, or null to register one from the service's with {@code image}
     * @param container the container whose image is replaced
     * @param stopFirst  a rollback that first stops the deployment in progress (Stop and roll back)
     * @param raiseGroup the environment's auto scaling group is raised to its maximum first, for room beside the old tasks
     */
    public record Request(String image, String revision, String container, Duration timeout, boolean stopFirst, boolean raiseGroup) {
        public Request {
            revision = revision == null || revision.isBlank() ? null : revision;
            // Checked here too, so a request read back from a journal or a runbook passes the same gate as one typed.
            ImageReference.requireReference(image);
        }

        public Request(String image, String revision, String container, Duration timeout) {
            this(image, revision, container, timeout, false, false);
        }
    }

    RollingDeploy(Environment environment, Request request, boolean rollback, RollingServices services, List<String> warnings) {
        this.environment = environment;
        this.request = request;
        this.rollback = rollback;
        this.services = services;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String type() {
        return rollback ? ROLLBACK_TYPE : TYPE;
    }

    @Override
    public String title() {
        return rollback ? "Roll back " + environment.name() + " to " + TaskDefinitionNames.familyRevision(request.revision())
                + " (" + shortImage() + ")" : "Deploy " + shortImage() + " to " + environment.name() + " (rolling)";
    }

    private String shortImage() {
        return request.image().substring(request.image().lastIndexOf('/') + 1);
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.addAll(LocalCommand.preDeploy(environment, request.image()));
        if (rollback) {
            steps.add(new CompareRevisions(this));
        }
        if (request.stopFirst()) {
            steps.add(new StopDeployment(this));
        }
        steps.add(new ReadService(this));
        steps.add(new RegisterRevision(new RegisterRevision.Revision(request.image(), request.revision(), request.container()), this::target,
                services.revisions(), services.taskDefinitions(),
                () -> services.rollouts().rollout(target(), environment.cluster(), environment.service()).taskDefinition()));
        if (!rollback && environment.deployment().migrate() != null) {
            steps.add(services.tasks().migration(environment, environment.deployment().migrate(), NEW_TASK_DEFINITION, request.timeout()));
        }
        if (request.raiseGroup()) {
            // Left raised afterwards: taking an instance back now could take a new task with it; the group's own policies shrink it.
            steps.add(new RaiseGroupToMaximum(services.autoScaling(), this::target, environment.autoScalingGroup(),
                    ", so ECS has room for new tasks beside the old (left there afterwards)", "; ECS places the new tasks as they join"));
        }
        steps.add(new StartRollout(this));
        steps.add(new WatchRollout(this));
        steps.addAll(LocalCommand.postDeploy(environment, request.image()));
        return steps;
    }

    AwsTarget target() {
        return services.targets().of(environment);
    }

    RollingServices services() {
        return services;
    }

    boolean rollback() {
        return rollback;
    }
}
