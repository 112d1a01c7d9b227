package dev.capstan.ops.task;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import dev.capstan.domain.Environment;
import dev.capstan.domain.NetworkSettings;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.Requests;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.Words;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds one-off task runs, and reads what their form starts from. */
public final class OneOffTaskFactory {
    private final TaskRunServices services;
    private final OperationType<TaskRunRequest> declaration;

    public OneOffTaskFactory(TaskRunServices services) {
        this.services = services;
        this.declaration = OperationType.declare(OneOffTask.TYPE, TaskRunRequest.class)
                .summary("Run one task with a command override, stream its logs, and end with its exit code.")
                .parameter(Parameter.required("command", "The command: comma-separated as the AWS console takes it (run,migration:run) "
                        + "or shell words (npm run migration:run)."))
                .parameter(Parameter.optional("service", "Take the task definition and network from this service (default: the environment's)."))
                .parameter(Parameter.optional("task-definition", "Run this task definition (FAMILY:REV or its ARN) instead of the service's."))
                .parameter(Parameter.optional("container", "The container whose command is overridden (default: the workspace's)."))
                .parameter(Parameter.withDefault("command-syntax", "How to split the command: auto reads it as comma-separated when it has "
                        + "a comma and no quotes; comma; shell.", "auto"))
                .parameter(Parameter.withDefault("timeout", "How long to watch the task.", "60m"))
                .fromWords(this::fromWords)
                .rebuild((environment, request) -> new OneOffTask(environment, request, services));
    }

    public OperationType<TaskRunRequest> declaration() {
        return declaration;
    }

    private Operation fromWords(Environment environment, Words words) {
        TaskRunDefaults d = defaults(environment, words.textOrNull("service"), words.textOrNull("task-definition"));
        List<String> command = CommandWords.split(words.text("command"), CommandSyntax.parse(words.text("command-syntax")));
        return task(environment, new TaskRunRequest(d.service(), d.taskDefinition(), words.optional("container").orElse(d.container()), command,
                Map.of(), d.subnets(), d.securityGroups(), d.assignPublicIp(), true, words.duration("timeout")));
    }

    /**
     * The operation for a request, with its task definition pinned to a full ARN first: "app" or "app:42"
     * typed today must not name another revision when the run is resumed tomorrow.
     */
    public OneOffTask task(Environment environment, TaskRunRequest request) {
        String arn = services.taskDefinitions().revision(services.targets().of(environment), request.taskDefinition()).arn();
        TaskRunRequest pinned = new TaskRunRequest(request.service(), arn, request.container(), request.command(), request.environment(),
                request.subnets(), request.securityGroups(), request.assignPublicIp(), request.waitForExit(), request.timeout());
        return new OneOffTask(environment, pinned, services);
    }

    /**
     * Reads the form's starting values. The task definition is the one given, else the one the service's
     * PRIMARY deployment runs (the service given, else the environment's).
     *
     * @param service        null for the environment's service
     * @param taskDefinition null to take the service's
     */
    public TaskRunDefaults defaults(Environment environment, String service, String taskDefinition) {
        AwsTarget target = services.targets().of(environment);
        String serviceName = service != null ? service : environment.service();
        String chosen = taskDefinition;
        if (chosen == null) {
            if (serviceName == null) {
                throw new IllegalArgumentException("Environment " + environment.name() + " names no service to take the task definition from; "
                        + "name a task definition (family:revision) or a service, or add service: to the workspace.");
            }
            chosen = services.ecs().service(target, environment.cluster(), serviceName).taskDefinition();
        }
        TaskDefRevision revision = services.taskDefinitions().revision(target, chosen);
        List<TaskDefRevision> newest = services.taskDefinitions().revisions(target, revision.family());
        List<String> containers = revision.containers().stream().map(TaskDefRevision.Container::name).toList();
        String container = environment.container() != null && containers.contains(environment.container()) ? environment.container()
                : revision.containers().stream().filter(TaskDefRevision.Container::essential).map(TaskDefRevision.Container::name)
                        .findFirst().orElse(containers.isEmpty() ? null : containers.get(0));
        NetworkSettings network = environment.network();
        return new TaskRunDefaults(serviceName, revision.arn(), newest.isEmpty() ? null : newest.get(0).arn(), containers, container,
                network == null ? List.of() : network.subnets(), network == null ? List.of() : network.securityGroups(),
                network != null && network.assignPublicIp());
    }

    /**
     * The step a deploy runs its migration with: a task of the revision journaled under {@code revisionFact}, before any
     * traffic reaches that revision.
     */
    public dev.capstan.ops.Step migration(Environment environment, dev.capstan.domain.DeploySettings.Migration migration, String revisionFact,
                                          java.time.Duration timeout) {
        return new TaskBeforeTraffic(TaskBeforeTraffic.Purpose.MIGRATION, environment, migration, revisionFact, timeout, this, services);
    }

    /**
     * The step a branch environment is seeded with: a task of the revision journaled under {@code revisionFact} running the seed
     * command (in the words a one-off task takes), watched to exit code 0, before the branch takes traffic.
     */
    public dev.capstan.ops.Step seed(Environment environment, String command, String revisionFact, java.time.Duration timeout) {
        return new TaskBeforeTraffic(TaskBeforeTraffic.Purpose.SEED, environment, new dev.capstan.domain.DeploySettings.Migration(command, null),
                revisionFact, timeout, this, services);
    }

    /** The commands of the environment's earlier task runs, newest first, each once: what the form offers again. */
    public static List<String> recentCommands(RunStore store, String environment, int limit) {
        Set<String> commands = new LinkedHashSet<>();
        for (RunSummary run : store.summaries(environment)) {
            if (OneOffTask.TYPE.equals(run.operationType())) {
                commands.add(String.join(" ", shellQuoted(Requests.fromFlat(run.parameters(), TaskRunRequest.class).command())));
            }
            if (commands.size() >= limit) {
                break;
            }
        }
        return List.copyOf(commands);
    }

    /** Words written back as shell words, quoted where needed, so a recent command reads back to the same array. */
    static List<String> shellQuoted(List<String> words) {
        return words.stream().map(w -> w.isEmpty() || w.chars().anyMatch(c -> Character.isWhitespace(c) || "'\"\\$`".indexOf(c) >= 0)
                ? "'" + w.replace("'", "'\\''") + "'" : w).toList();
    }
}
