package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.RevisionName;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.deploy.ImageChoice;
import dev.capstan.ops.deploy.PromotionGate;
import dev.capstan.ops.deploy.RevisionHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys through CodeDeploy for the fronts: services under the CODE_DEPLOY deployment controller. Finds the service's
 * deployment group, deploys an image tag, a whole image or a whole revision, rolls back to the last known good revision,
 * reroutes traffic for a deployment waiting for approval, stops and rolls back one in progress, and reads the picture the
 * Deploys page shows.
 */
public final class CodeDeploys {
    private static final int RECENT = 10;
    /** The creator CodeDeploy gives the deployments it makes to roll another back. */
    static final String ROLLBACK_CREATOR = "codeDeployRollback";
    private final CodeDeployServices services;
    private final RevisionHistory journals;
    private final List<OperationType<?>> declarations;

    public CodeDeploys(CodeDeployServices services) {
        this.services = services;
        this.journals = new RevisionHistory(services.runs(), Set.of(CodeDeployRelease.TYPE, ApproveDeployment.TYPE), Set.of(CodeDeployRelease.ROLLBACK_TYPE));
        this.declarations = List.of(
                OperationType.declare(CodeDeployRelease.TYPE, CodeDeployRelease.Request.class)
                        .summary("Deploy an image (a tag, a whole image, or a whole revision) through CodeDeploy, and judge the deployment.")
                        .parameter(Parameter.required("image", "A tag of the serving image's repository, a whole image reference, or a task "
                                + "definition revision (FAMILY:REV or its ARN) deployed as it is."))
                        .parameter(Parameter.withDefault("timeout", "How long to watch the deployment, approval wait included.", "60m"))
                        .fromWords((env, w) -> deploy(env, w.text("image"), w.duration("timeout")))
                        .rebuild((env, request) -> new CodeDeployRelease(env, request, false, services, List.of())),
                OperationType.declare(CodeDeployRelease.ROLLBACK_TYPE, CodeDeployRelease.Request.class)
                        .summary("Deploy the last known good revision again through CodeDeploy (or the one named), judged as any deploy.")
                        .parameter(Parameter.optional("to", "The revision to go back to (FAMILY:REV or its ARN); default: the newest one "
                                + "CodeDeploy deployed successfully before the one serving now."))
                        .parameter(Parameter.withDefault("timeout", "How long to watch the deployment.", "60m"))
                        .fromWords((env, w) -> rollback(env, w.textOrNull("to"), w.duration("timeout")))
                        .rebuild((env, request) -> new CodeDeployRelease(env, request, true, services, List.of())),
                OperationType.declare(ApproveDeployment.TYPE, ApproveDeployment.Request.class)
                        .summary("Reroute production traffic for the CodeDeploy deployment waiting for approval, and watch it to its end.")
                        .parameter(Parameter.withDefault("timeout", "How long to watch the deployment after the approval.", "30m"))
                        .fromWords((env, w) -> approve(env, w.duration("timeout")))
                        .rebuild((env, request) -> new ApproveDeployment(env, request, services)),
                OperationType.declare(StopAndRollBack.TYPE, StopAndRollBack.Request.class)
                        .summary("Stop the CodeDeploy deployment in progress and roll it back, and watch the original revision serve again.")
                        .parameter(Parameter.withDefault("timeout", "How long to watch the rollback.", "20m"))
                        .fromWords((env, w) -> stop(env, w.duration("timeout")))
                        .rebuild((env, request) -> new StopAndRollBack(env, request, services)));
    }

    /**
     * The deployment group that deploys the environment's service: the one the workspace names under deploy.codeDeploy, else
     * the only one whose ECS service it is.
     */
    public CodeDeployGroup group(Environment environment) {
        AwsTarget target = services.targets().of(environment);
        DeploySettings.CodeDeploy named = environment.deployment().codeDeploy();
        if (named != null && named.application() != null) {
            return services.codeDeploy().group(target, named.application(), named.deploymentGroup());
        }
        List<CodeDeployGroup> groups = services.codeDeploy().groupsOf(target, environment.cluster(), environment.service());
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("No CodeDeploy deployment group deploys " + environment.service() + " in " + environment.cluster()
                    + "; name it in the workspace under deploy.codeDeploy (application, deploymentGroup).");
        }
        if (groups.size() > 1) {
            throw new IllegalArgumentException("Several CodeDeploy deployment groups deploy " + environment.service() + " ("
                    + String.join(", ", groups.stream().map(CodeDeployGroup::label).toList())
                    + "); name one in the workspace under deploy.codeDeploy (application, deploymentGroup).");
        }
        return groups.get(0);
    }

    /** The service, its group, its deployments and where a rollback would go: one read for the Deploys page. */
    public CodeDeployPicture picture(Environment environment) {
        AwsTarget target = services.targets().of(environment);
        CodeDeployGroup group = group(environment);
        // The service's task sets, read once: what serves, and whose targets are how healthy.
        List<TaskSetInfo> sets = services.taskSets().taskSets(target, environment.cluster(), environment.service());
        TaskSetInfo serving = Serving.primary(sets, environment);
        TaskDefRevision running = services.taskDefinitions().revision(target, serving.taskDefinition());
        List<CodeDeployment> recent = services.codeDeploy().recent(target, group, RECENT);
        // CodeDeploy's own rollback of a deployment is shown through the deployment it rolled back: its failed hook, its reason.
        CodeDeployment current = recent.stream().filter(d -> !ROLLBACK_CREATOR.equals(d.creator())).findFirst().or(() -> recent.stream().findFirst())
                .map(d -> services.codeDeploy().deployment(target, d.id())).orElse(null);
        return new CodeDeployPicture(group, serving.taskDefinition(), imageOf(running, container(environment, running, serving)), current, recent,
                lastKnownGood(environment, recent, serving.taskDefinition()),
                current == null ? Optional.empty() : current.approvalLeft(group, services.clock().instant()), targetHealth(target, sets));
    }

    /**
     * @param image a tag (of the serving image's repository), a whole image reference, or a whole revision deployed as it is
     * @throws IllegalArgumentException with what to fix: no group, gate not passed, no such revision or container
     */
    public CodeDeployRelease deploy(Environment environment, String image, Duration timeout) {
        AwsTarget target = services.targets().of(environment);
        CodeDeployGroup group = group(environment);
        TaskSetInfo serving = Serving.primary(services, target, environment);
        TaskDefRevision running = services.taskDefinitions().revision(target, serving.taskDefinition());
        String container = container(environment, running, serving);
        String revision = ImageChoice.isRevision(image) ? services.taskDefinitions().revision(target, RevisionName.require(image, environment.region())).arn() : null;
        String full = revision != null ? imageOf(services.taskDefinitions().revision(target, revision), container)
                : ImageChoice.resolve(image, imageOf(running, container));
        new PromotionGate(services.runs()).check(environment, full);
        List<String> warnings = new ArrayList<>();
        if (full.equals(imageOf(running, container)) && revision == null) {
            warnings.add(ImageChoice.shortName(full) + " is what " + environment.name() + " serves already; the deploy registers a new revision of it all the same.");
        }
        activeDeployment(environment, group).ifPresent(busy -> warnings.add("CodeDeploy is deploying " + busy.id() + " (" + busy.status()
                + ") to " + group.label() + " now: this deploy fails at its create-deployment step unless that one ends first."));
        if (group.waitsForApproval()) {
            warnings.add("CodeDeploy " + group.label() + " waits up to " + group.approvalWait().toMinutes() + " min for someone to reroute traffic "
                    + "(Reroute traffic on the Deploys page, or capstan deploy approve).");
        }
        return new CodeDeployRelease(environment, new CodeDeployRelease.Request(full, revision, container, timeout, group.application(), group.name()),
                false, services, warnings);
    }

    /**
     * @param to null for the last known good revision: the newest one CodeDeploy deployed successfully whose latest deployment
     *           succeeded, other than the one serving
     * @throws IllegalArgumentException when there is nothing to go back to, with what to name instead
     */
    public CodeDeployRelease rollback(Environment environment, String to, Duration timeout) {
        AwsTarget target = services.targets().of(environment);
        CodeDeployGroup group = group(environment);
        TaskSetInfo serving = Serving.primary(services, target, environment);
        List<CodeDeployment> recent = services.codeDeploy().recent(target, group, RECENT * 5);
        String revision = to != null && !to.isBlank() ? services.taskDefinitions().revision(target, RevisionName.require(to, environment.region())).arn()
                : lastKnownGood(environment, recent, serving.taskDefinition()).orElseThrow(() -> new IllegalArgumentException("CodeDeploy " + group.label()
                        + " has no successful deployment of a revision other than " + TaskDefinitionNames.familyRevision(serving.taskDefinition())
                        + "; name one with --to FAMILY:REV (the Task definitions view lists them)."));
        if (revision.equals(serving.taskDefinition())) {
            throw new IllegalArgumentException(environment.service() + " serves " + TaskDefinitionNames.familyRevision(revision)
                    + " already; name another revision with --to.");
        }
        TaskDefRevision back = services.taskDefinitions().revision(target, revision);
        String container = container(environment, back, serving);
        List<String> warnings = new ArrayList<>();
        recent.stream().filter(d -> revision.equals(d.taskDefinition()) && d.succeeded()).findFirst().ifPresent(d -> warnings.add(
                TaskDefinitionNames.familyRevision(revision) + " was deployed by CodeDeploy " + d.id() + " at " + d.completed() + " and succeeded."));
        return new CodeDeployRelease(environment, new CodeDeployRelease.Request(imageOf(back, container), revision, container, timeout,
                group.application(), group.name()), true, services, warnings);
    }

    /** Each task set's targets: "2 of 3 healthy", by task set id. */
    private Map<String, String> targetHealth(AwsTarget target, List<TaskSetInfo> sets) {
        Map<String, String> health = new HashMap<>();
        for (TaskSetInfo set : sets) {
            List<TargetGroupInfo.Target> targets = set.targetGroups().stream().flatMap(group -> services.targetHealth().health(target, group).stream())
                    .toList();
            health.put(set.id(), targets.stream().filter(t -> "healthy".equals(t.state())).count() + " of " + targets.size() + " healthy");
        }
        return health;
    }

    /** @throws IllegalArgumentException when no deployment of the group waits for approval */
    public ApproveDeployment approve(Environment environment, Duration timeout) {
        CodeDeployGroup group = group(environment);
        CodeDeployment waiting = activeDeployment(environment, group).filter(CodeDeployment::waitingForApproval)
                .orElseThrow(() -> new IllegalArgumentException("No CodeDeploy deployment of " + environment.service() + " waits for approval "
                        + "in " + group.label() + "; nothing to reroute."));
        return new ApproveDeployment(environment, new ApproveDeployment.Request(waiting.id(), group.application(), group.name(), timeout), services);
    }

    /** @throws IllegalArgumentException when no deployment of the group is in progress */
    public StopAndRollBack stop(Environment environment, Duration timeout) {
        CodeDeployGroup group = group(environment);
        CodeDeployment active = activeDeployment(environment, group).orElseThrow(() -> new IllegalArgumentException("No CodeDeploy deployment "
                + "of " + environment.service() + " is in progress in " + group.label() + "; to go back to an earlier revision, roll back instead."));
        return new StopAndRollBack(environment, new StopAndRollBack.Request(active.id(), group.application(), group.name(), timeout), services);
    }

    private Optional<CodeDeployment> activeDeployment(Environment environment, CodeDeployGroup group) {
        return services.codeDeploy().recent(services.targets().of(environment), group, RECENT).stream().filter(CodeDeployment::active).findFirst();
    }

    /** CodeDeploy's own record first (it holds every deployment, a pipeline's too), else the journals (what ran before the first). */
    private Optional<String> lastKnownGood(Environment environment, List<CodeDeployment> newestFirst, String serving) {
        return lastKnownGood(newestFirst, serving).or(() -> journals.lastKnownGood(environment.name(), serving));
    }

    /**
     * The rolling rule, on CodeDeploy's own record: a revision is good when its latest deployment succeeded, and one whose
     * latest deployment failed or was stopped is not, whatever came before. CodeDeploy's own rollbacks are not deploys of theirs.
     */
    static Optional<String> lastKnownGood(List<CodeDeployment> newestFirst, String serving) {
        Map<String, Boolean> verdict = new HashMap<>();
        List<String> good = new ArrayList<>();
        for (CodeDeployment d : newestFirst) {
            if (d.active() || d.taskDefinition() == null || ROLLBACK_CREATOR.equals(d.creator()) || verdict.containsKey(d.taskDefinition())) {
                continue;
            }
            verdict.put(d.taskDefinition(), d.succeeded());
            if (d.succeeded()) {
                good.add(d.taskDefinition());
            }
        }
        return good.stream().filter(revision -> !revision.equals(serving)).findFirst();
    }

    /** The workspace's container when the revision has it, else the one the load balancer sends traffic to. */
    private static String container(Environment environment, TaskDefRevision revision, TaskSetInfo serving) {
        String wanted = environment.container() != null ? environment.container() : serving.container();
        if (wanted == null || revision.containers().stream().noneMatch(c -> c.name().equals(wanted))) {
            throw new IllegalArgumentException(revision.name() + " has no container named " + wanted + " (it has "
                    + String.join(", ", revision.containers().stream().map(TaskDefRevision.Container::name).toList()) + "); fix container: in the workspace.");
        }
        return wanted;
    }

    private static String imageOf(TaskDefRevision revision, String container) {
        return revision.containers().stream().filter(c -> c.name().equals(container)).map(TaskDefRevision.Container::image).findFirst().orElseThrow();
    }

    /** How long a deploy watches its deployment when nobody says otherwise: the declared default. */
    public Duration deployTimeout() {
        return declarations.get(0).defaultDuration("timeout");
    }

    public List<OperationType<?>> declarations() {
        return declarations;
    }
}
