package dev.capstan.ops.rolling;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ContainerInstanceInfo;
import dev.capstan.domain.Environment;
import dev.capstan.domain.RevisionName;
import dev.capstan.domain.GroupCapacity;
import dev.capstan.domain.ServiceDeploymentState;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.deploy.ImageChoice;
import dev.capstan.ops.deploy.RevisionHistory;
import dev.capstan.ops.deploy.PromotionGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rolling deploys for the fronts: services under the ECS deployment controller. Deploy an image tag, a whole image or a whole
 * revision (checked against the promotion gate before anything is planned), roll back to the last known good revision (or a
 * named one), read the history, and the factories that rebuild them on resume.
 */
public final class Rolling {
    /** What the raise-group word does, for every declaration that takes it. */
    public static final String RAISE_GROUP_HELP = "Raise the environment's auto scaling group to its maximum first, so ECS has room to start "
            + "new tasks beside the old ones (EC2 only; the group is left raised, for its own policies to shrink).";
    private final RollingServices services;
    private final RevisionHistory history;
    private final OperationType<RollingDeploy.Request> deployType;
    private final List<OperationType<?>> declarations;

    public Rolling(RollingServices services) {
        this.services = services;
        this.history = new RevisionHistory(services.runs(), Set.of(RollingDeploy.TYPE), Set.of(RollingDeploy.ROLLBACK_TYPE));
        this.deployType = OperationType.declare(RollingDeploy.TYPE, RollingDeploy.Request.class)
                .summary("Deploy an image (a tag, a whole image, or a whole revision) to a service ECS rolls out, and judge the rollout.")
                .parameter(Parameter.required("image", "A tag of the serving image's repository (such as a476b78), a whole image "
                        + "reference, or a task definition revision (FAMILY:REV or its ARN) deployed as it is."))
                .parameter(Parameter.withDefault("timeout", "How long to watch the rollout.", "20m"))
                .parameter(Parameter.withDefault("raise-group", RAISE_GROUP_HELP, "false"))
                .fromWords((env, w) -> deploy(env, w.text("image"), w.duration("timeout"), w.flag("raise-group")))
                .rebuild((env, request) -> new RollingDeploy(env, request, false, services, List.of()));
        this.declarations = List.of(deployType,
                OperationType.declare(RollingDeploy.ROLLBACK_TYPE, RollingDeploy.Request.class)
                        .summary("Deploy the last known good revision again (or the one named), judged as any deploy.")
                        .parameter(Parameter.optional("to", "The revision to go back to (FAMILY:REV or its ARN); default: the newest this "
                                + "service ran successfully before the one serving now."))
                        .parameter(Parameter.withDefault("timeout", "How long to watch the rollout.", "20m"))
                        .fromWords((env, w) -> rollback(env, w.textOrNull("to"), w.duration("timeout")))
                        .rebuild((env, request) -> new RollingDeploy(env, request, true, services, List.of())));
    }

    /** The service as ECS rolls it out now. */
    public ServiceRollout rollout(Environment environment) {
        return services.rollouts().rollout(services.targets().of(environment), environment.cluster(), requireService(environment));
    }

    /** The service, its tasks and targets, its history and where a rollback would go: one read for the Deploys page. */
    public RollingPicture picture(Environment environment) {
        AwsTarget target = services.targets().of(environment);
        ServiceRollout now = rollout(environment);
        TaskDefRevision running = services.taskDefinitions().revision(target, now.taskDefinition());
        String image = running.containers().stream().filter(c -> environment.container() == null || c.name().equals(environment.container()))
                .map(TaskDefRevision.Container::image).findFirst().orElse("");
        // Live tasks first, the service's revision first among them: a rollout in progress reads from the top.
        List<ServiceTask> tasks = services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service()).stream()
                .sorted(Comparator.comparing(ServiceTask::stoppingOrStopped)
                        .thenComparing(t -> !now.taskDefinition().equals(t.taskDefinition()))).toList();
        List<TargetGroupInfo.Target> targets = new ArrayList<>();
        now.targetGroups().forEach(group -> targets.addAll(services.targetHealth().health(target, group)));
        // Only ECS's own blue/green, linear and canary need a stage to be understood; a rolling service is read from its tasks.
        Optional<ServiceDeploymentState> stage = now.strategy().rolling() ? Optional.empty()
                : services.rollouts().latestDeployment(target, environment.cluster(), environment.service());
        return new RollingPicture(now, image, tasks, targets, history.deploys(environment.name()),
                history.lastKnownGood(environment.name(), now.taskDefinition()), stage);
    }

    public RevisionHistory history() {
        return history;
    }

    /**
     * @param image a tag (of the serving image's repository), a whole image reference, or a whole revision deployed as it is
     * @throws IllegalArgumentException with what to fix: not a rolling service, gate not passed, no such revision or container
     */
    public RollingDeploy deploy(Environment environment, String image, Duration timeout) {
        return deploy(environment, image, timeout, false);
    }

    /** As {@link #deploy(Environment, String, Duration)}, raising the auto scaling group first when {@code raiseGroup}. */
    public RollingDeploy deploy(Environment environment, String image, Duration timeout, boolean raiseGroup) {
        AwsTarget target = services.targets().of(environment);
        ServiceRollout now = requireRolling(environment);
        if (raiseGroup && (environment.autoScalingGroup() == null || !"EC2".equals(now.launchType()))) {
            throw new IllegalArgumentException(environment.service() + " on " + environment.name() + " runs on " + now.launchType()
                    + (environment.autoScalingGroup() == null ? " and the workspace names no autoScalingGroup" : "")
                    + ": there is no group to raise; deploy without raise-group.");
        }
        TaskDefRevision running = services.taskDefinitions().revision(target, now.taskDefinition());
        String container = container(environment, running);
        String revision = ImageChoice.isRevision(image) ? services.taskDefinitions().revision(target, RevisionName.require(image, environment.region())).arn() : null;
        String full = revision != null ? imageOf(services.taskDefinitions().revision(target, revision), container)
                : ImageChoice.resolve(image, imageOf(running, container));
        new PromotionGate(services.runs()).check(environment, full);
        List<String> warnings = new ArrayList<>();
        if (full.equals(imageOf(running, container)) && revision == null) {
            warnings.add(ImageChoice.shortName(full) + " is what " + environment.name() + " serves already; the deploy registers a new revision of it all the same.");
        }
        if (!raiseGroup) {
            roomWarning(environment, now, running).ifPresent(warnings::add);
        }
        return new RollingDeploy(environment, new RollingDeploy.Request(full, revision, container, timeout, false, raiseGroup), false, services,
                warnings);
    }

    /**
     * @param to null for the last known good revision
     * @throws IllegalArgumentException when there is nothing to go back to, with what to name instead
     */
    public RollingDeploy rollback(Environment environment, String to, Duration timeout) {
        AwsTarget target = services.targets().of(environment);
        ServiceRollout now = requireRolling(environment);
        String revision = to != null && !to.isBlank() ? services.taskDefinitions().revision(target, RevisionName.require(to, environment.region())).arn()
                : history.lastKnownGood(environment.name(), now.taskDefinition()).orElseThrow(() -> new IllegalArgumentException(
                        "No revision that " + environment.service() + " ran well before " + RolloutLook.name(now.taskDefinition())
                                + " is in the journals; name one with --to FAMILY:REV (the Task definitions view lists them)."));
        if (revision.equals(now.taskDefinition())) {
            throw new IllegalArgumentException(environment.service() + " runs " + RolloutLook.name(revision) + " already; name another revision with --to.");
        }
        TaskDefRevision back = services.taskDefinitions().revision(target, revision);
        String container = container(environment, back);
        List<String> warnings = new ArrayList<>();
        history.deploys(environment.name()).stream().filter(d -> revision.equals(d.revision()) && d.succeeded()).findFirst()
                .ifPresentOrElse(d -> warnings.add(RolloutLook.name(revision) + " was deployed by " + d.who() + " at " + d.when() + " and ran well."),
                        () -> warnings.add(RolloutLook.name(revision) + " ran before the first deploy in the journals."));
        return new RollingDeploy(environment, new RollingDeploy.Request(imageOf(back, container), revision, container, timeout), true, services,
                warnings);
    }

    /**
     * Stop and roll back a deploy in progress: the rollback to the revision the deploy started from, which first stops ECS's
     * deployment. The caller ends the deploy's run first (it holds the deploy lock).
     */
    public RollingDeploy stopAndRollBack(Environment environment, RunSummary deploy, Duration timeout) {
        String base = deploy.fact(RollingDeploy.BASE_TASK_DEFINITION).orElseThrow(() -> new IllegalArgumentException(
                "The deploy " + deploy.id() + " had not read what the service ran before it; roll back with a revision named instead."));
        TaskDefRevision back = services.taskDefinitions().revision(services.targets().of(environment), base);
        String container = container(environment, back);
        return new RollingDeploy(environment, new RollingDeploy.Request(imageOf(back, container), base, container, timeout, true, false), true, services,
                List.of("The deploy " + deploy.id() + " (" + deploy.title() + ") is stopped first."));
    }

    /**
     * Stop the deployment ECS has in progress, whoever started it (a pipeline, another console), and roll it back to the revision
     * it replaces, as ECS reports it: StopServiceDeployment with ROLLBACK, then the rollback is watched as any deploy.
     *
     * @throws IllegalArgumentException when ECS reports no deployment in progress, or not the revision it replaces
     */
    public RollingDeploy stop(Environment environment, Duration timeout) {
        AwsTarget target = services.targets().of(environment);
        requireRolling(environment);
        ServiceDeploymentState going = services.rollouts().latestDeployment(target, environment.cluster(), requireService(environment))
                .filter(ServiceDeploymentState::inProgress).orElseThrow(() -> new IllegalArgumentException("ECS reports no deployment of "
                        + environment.service() + " in progress; to go back to an earlier revision, roll back instead."));
        if (going.sourceTaskDefinition() == null) {
            throw new IllegalArgumentException("ECS does not say which revision its deployment of " + environment.service()
                    + " replaces; roll back with --to FAMILY:REV instead.");
        }
        TaskDefRevision back = services.taskDefinitions().revision(target, going.sourceTaskDefinition());
        String container = container(environment, back);
        return new RollingDeploy(environment, new RollingDeploy.Request(imageOf(back, container), going.sourceTaskDefinition(), container, timeout,
                true, false), true, services, List.of("ECS's deployment " + going.arn().substring(going.arn().lastIndexOf('/') + 1) + " ("
                + (going.stage() == null ? going.status() : going.stage()) + ") is stopped first, and rolled back to "
                + RolloutLook.name(going.sourceTaskDefinition()) + "."));
    }

    /** Whether a run is a rolling deploy that can be stopped and rolled back: it read the revision it started from. */
    public static boolean stoppable(RunSummary run) {
        return RollingDeploy.TYPE.equals(run.operationType()) && run.fact(RollingDeploy.BASE_TASK_DEFINITION).isPresent();
    }

    private ServiceRollout requireRolling(Environment environment) {
        ServiceRollout now = rollout(environment);
        if (!ServiceRollout.ECS.equals(now.controller())) {
            throw new IllegalArgumentException(environment.service() + " on " + environment.name() + " is deployed by the " + now.controller()
                    + " controller; a rolling deploy needs the ECS controller.");
        }
        return now;
    }

    private static String requireService(Environment environment) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service; add service: to it in the workspace.");
        }
        return environment.service();
    }

    /** The workspace's container when the revision has it, else the first essential one. */
    private static String container(Environment environment, TaskDefRevision revision) {
        if (environment.container() != null) {
            if (revision.containers().stream().noneMatch(c -> c.name().equals(environment.container()))) {
                throw new IllegalArgumentException(revision.name() + " has no container named " + environment.container()
                        + " (it has " + String.join(", ", revision.containers().stream().map(TaskDefRevision.Container::name).toList())
                        + "); fix container: in the workspace.");
            }
            return environment.container();
        }
        return revision.containers().stream().filter(TaskDefRevision.Container::essential).map(TaskDefRevision.Container::name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(revision.name() + " has no essential container to deploy an image into."));
    }

    private static String imageOf(TaskDefRevision revision, String container) {
        return revision.containers().stream().filter(c -> c.name().equals(container)).map(TaskDefRevision.Container::image).findFirst().orElseThrow();
    }

    /** On EC2, a rollout needs a free place beside the old tasks when the service must keep all of them: say so before it starts. */
    private Optional<String> roomWarning(Environment environment, ServiceRollout now, TaskDefRevision running) {
        if (!"EC2".equals(now.launchType())) {
            return Optional.empty();
        }
        AwsTarget target = services.targets().of(environment);
        List<ContainerInstanceInfo> instances = services.ecs().containerInstances(target, environment.cluster()).stream()
                .filter(ContainerInstanceInfo::active).toList();
        int used = Math.max(now.runningCount(), instances.stream().mapToInt(ContainerInstanceInfo::runningTasks).sum());
        return GroupCapacity.perInstance(running, instances).filter(per -> per * instances.size() <= used && now.minimumHealthy() >= 100)
                .map(per -> "The cluster's " + instances.size() + " instances are full (" + per + " task" + (per == 1 ? "" : "s") + " each): ECS cannot "
                        + "start a new task beside the old ones" + (environment.autoScalingGroup() == null ? "; add an instance first."
                        : "; raise auto scaling group " + environment.autoScalingGroup() + " first (raise-group does it in the plan)."));
    }

    /** How long a deploy watches its rollout when nobody says otherwise: the declared default. */
    public Duration deployTimeout() {
        return deployType.defaultDuration("timeout");
    }

    /** The deploy and the rollback, as operation types. */
    public List<OperationType<?>> declarations() {
        return declarations;
    }
}
