package dev.capstan.ops.task;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.NetworkSettings;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationFactory;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.RunStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds one-off task runs, and reads what their form starts from. */
public final class OneOffTaskFactory implements OperationFactory {
    private final TaskRunServices services;

    public OneOffTaskFactory(TaskRunServices services) {
        this.services = services;
    }

    @Override
    public String type() {
        return OneOffTask.TYPE;
    }

    @Override
    public Operation create(Environment environment, Map<String, String> parameters) {
        return new OneOffTask(environment, TaskRunRequest.fromParameters(parameters), services);
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
                        + "give one (--task-definition family:revision, or --service NAME), or add service: to the workspace.");
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

    /** The commands of the environment's earlier task runs, newest first, each once: what the form offers again. */
    public static List<String> recentCommands(RunStore store, String environment, int limit) {
        Set<String> commands = new LinkedHashSet<>();
        for (RunSummary run : store.summaries(environment)) {
            if (OneOffTask.TYPE.equals(run.operationType())) {
                commands.add(String.join(" ", shellQuoted(TaskRunRequest.fromParameters(run.parameters()).command())));
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
