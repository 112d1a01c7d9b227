package dev.capstan.ops.branch;

import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.domain.NetworkSettings;
import dev.capstan.domain.ServiceBlueprint;
import dev.capstan.domain.TaggedService;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskState;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.deploy.ImageChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived, seeded copies of an environment's service for a branch, each reached at its own host name (or path) through
 * the environment's load balancer: {@link #create}, {@link #list} and {@link #destroy}. Create and destroy are journaled
 * operations under the deploy lock; the list only reads.
 */
public final class BranchEnvironments {
    private final BranchServices services;
    private final TaskDefinitionReader taskDefinitions;
    private final String operator;
    private final OperationType<BranchRequest> createType;
    private final OperationType<BranchDestroyRequest> destroyType;

    /** @param operator who makes a branch here (user@host): its owner tag */
    public BranchEnvironments(BranchServices services, TaskDefinitionReader taskDefinitions, String operator) {
        this.services = services;
        this.taskDefinitions = taskDefinitions;
        this.operator = operator;
        this.createType = OperationType.declare(CreateBranch.TYPE, BranchRequest.class)
                .summary("Create a seeded copy of the environment's service for a branch, with its own target group and listener rule.")
                .parameter(Parameter.required("name", "The branch environment's name, part of its host name, such as login-fix."))
                .parameter(Parameter.required("image", "The image tag (of the environment's image) or whole image reference to run."))
                .parameter(Parameter.optional("seed", "The seed task's command (default: the workspace's branches.seedCommand)."))
                .parameter(Parameter.optional("ttl", "How long it lives before it is offered for destruction (default: branches.ttl, else 3d)."))
                .parameter(Parameter.withDefault("timeout", "How long to wait for the seed task, and for the service to be healthy.", "10m"))
                .fromWords((env, words) -> create(env, words.text("name"), words.text("image"), words.textOrNull("seed"),
                        words.optional("ttl").map(Durations::parse).orElse(null), words.duration("timeout")))
                .rebuild((env, request) -> new CreateBranch(env, request, services));
        this.destroyType = OperationType.declare(DestroyBranch.TYPE, BranchDestroyRequest.class)
                .summary("Remove a branch environment: its rule, service, target group and revision, found by their tags.")
                .parameter(Parameter.required("name", "The branch environment's name."))
                .fromWords((env, words) -> destroy(env, words.text("name")))
                .rebuild((env, request) -> new DestroyBranch(env, request, services));
    }

    public List<OperationType<?>> declarations() {
        return List.of(createType, destroyType);
    }

    public OperationType<BranchRequest> createDeclaration() {
        return createType;
    }

    /**
     * A branch of the environment, planned: reads the environment's service for what to copy and settles every choice.
     *
     * @param seed null for the workspace's seed command (none if it has none)
     * @param ttl  null for the workspace's, else three days
     */
    public CreateBranch create(Environment environment, String name, String image, String seed, Duration ttl, Duration timeout) {
        BranchNames.check(name);
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service to copy; add service: to it in the workspace.");
        }
        if (environment.loadBalancer() == null || environment.loadBalancer().listenerArn() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no load balancer listener; add loadBalancer.listenerArn "
                    + "to it in the workspace, so a branch environment's rule has a listener to go on.");
        }
        DeploySettings.Branches settings = environment.deployment().branchesOrDefaults();
        AwsTarget target = services.targets().of(environment);
        String cluster = environment.cluster();
        if (services.branches().activeService(target, cluster, BranchNames.service(environment.service(), name)).isPresent()) {
            throw new IllegalArgumentException("A service " + BranchNames.service(environment.service(), name) + " runs already: destroy branch " + name
                    + " first, or choose another name.");
        }
        ServiceBlueprint like = like(environment, target);
        TaskDefRevision revision = taskDefinitions.revision(target, like.taskDefinition());
        String current = revision.containers().stream().filter(c -> c.name().equals(like.containerName())).findFirst().map(TaskDefRevision.Container::image)
                .orElseThrow(() -> new IllegalArgumentException(revision.name() + " has no container " + like.containerName() + "."));
        String host = settings.domain() == null ? null : name + "." + settings.domain();
        return new CreateBranch(environment, new BranchRequest(name, ImageChoice.resolve(image, current), seed != null && !seed.isBlank() ? seed.strip()
                : settings.seedCommand(), ttl != null ? ttl : settings.ttlOrDefault(), operator, Instant.now(services.clock()), like,
                environment.loadBalancer().listenerArn(), host, host == null ? "/" + name + "/*" : null, timeout), services);
    }

    /** What the branch copies: the service's revision, launch type, network, and the container and target group its traffic goes to. */
    private ServiceBlueprint like(Environment environment, AwsTarget target) {
        ServiceBlueprint service = services.branches().blueprint(target, environment.cluster(), environment.service());
        if (service.taskDefinition() == null) {
            throw new IllegalArgumentException(environment.service() + " runs its revisions in task sets, and names none itself: a branch "
                    + "environment copies a service that ECS (or CodeDeploy) deploys.");
        }
        TaskDefRevision revision = taskDefinitions.revision(target, service.taskDefinition());
        String container = service.containerName() != null ? service.containerName() : environment.container() != null ? environment.container()
                : revision.containers().get(0).name();
        Integer port = service.containerPort() != null ? service.containerPort() : revision.containers().stream().filter(c -> c.name().equals(container))
                .flatMap(c -> c.ports().stream()).map(TaskDefRevision.Port::containerPort).findFirst().orElse(null);
        String group = service.targetGroupArn() != null ? service.targetGroupArn() : environment.loadBalancer().blueTargetGroupArn();
        if (port == null || group == null) {
            throw new IllegalArgumentException(environment.service() + " has no load balancer to copy (a target group, and a container port): a "
                    + "branch environment is reached through one.");
        }
        NetworkSettings network = environment.network();
        boolean fromService = !service.subnets().isEmpty();
        return new ServiceBlueprint(service.taskDefinition(), service.launchType(), fromService ? service.subnets() : network == null ? List.of()
                : network.subnets(), fromService ? service.securityGroups() : network == null ? List.of() : network.securityGroups(),
                fromService ? service.assignPublicIp() : network != null && network.assignPublicIp(), container, port, group);
    }

    public DestroyBranch destroy(Environment environment, String name) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service, so it has no branch environments.");
        }
        return new DestroyBranch(environment, new BranchDestroyRequest(name), services);
    }

    /** The environment's branch environments, by the tags on their services, newest first. */
    public List<BranchEnvironment> list(Environment environment) {
        AwsTarget target = services.targets().of(environment);
        return services.branches().servicesTagged(target, environment.cluster(), BranchNames.BRANCH_OF, environment.name()).stream()
                .map(s -> entry(target, environment, s)).sorted(Comparator.comparing(BranchEnvironment::createdAt,
                        Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    private BranchEnvironment entry(AwsTarget target, Environment environment, TaggedService s) {
        String tag = s.tags().getOrDefault(BranchNames.BRANCH, "");
        String name = tag.startsWith(environment.name() + "/") ? tag.substring(environment.name().length() + 1) : s.name();
        Optional<String> group = services.branches().targetGroupNamed(target, BranchNames.targetGroup(environment.service(), name));
        List<dev.capstan.domain.TargetGroupInfo.Target> targets = group.map(g -> services.health().health(target, g)).orElse(List.of());
        // Counted from the tasks themselves: a service's runningCount can lag behind them.
        int running = (int) services.ecs().serviceTasks(target, environment.cluster(), s.name()).stream().filter(TaskState::running).count();
        return new BranchEnvironment(name, s.name(), s.tags().get(BranchNames.OWNER), instant(s.tags().get(BranchNames.CREATED)),
                instant(s.tags().get(BranchNames.EXPIRES)), s.tags().get(BranchNames.URL), s.desiredCount(), running,
                (int) targets.stream().filter(t -> "healthy".equals(t.state())).count(), targets.size());
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Now, by the clock branch ages are told by. */
    public Instant now() {
        return Instant.now(services.clock());
    }
}
