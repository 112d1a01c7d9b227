package dev.capstan.ops.compose;

import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.aws.TaskDefinitionRegistry;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskRoles;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.Targets;
import dev.capstan.ops.taskdefs.Finding;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Docker Compose files as Fargate task definitions: {@link #translate} reads a file and says what it would register (only
 * reading the environment's service for its roles); {@link #importing} is the journaled registration.
 */
public final class ComposeImports {
    private final TaskDefinitionRegistry registry;
    private final TaskDefinitionReader reader;
    private final EcsGateway ecs;
    private final Targets targets;
    private final OperationType<ComposeImportRequest> declaration;

    public ComposeImports(TaskDefinitionRegistry registry, TaskDefinitionReader reader, EcsGateway ecs, Targets targets) {
        this.registry = registry;
        this.reader = reader;
        this.ecs = ecs;
        this.targets = targets;
        this.declaration = OperationType.declare(ComposeImport.TYPE, ComposeImportRequest.class)
                .summary("Register a Fargate task definition made from a Docker Compose file, and show how it differs from the family's newest.")
                .parameter(Parameter.required("file", "The compose file, such as compose.yaml."))
                .parameter(Parameter.optional("services", "The compose services to put in the task, comma-separated (default: all)."))
                .parameter(Parameter.optional("family", "The task definition family (default: the compose project's name)."))
                .withoutDeployLock()
                .fromWords((env, words) -> {
                    Path file = Path.of(words.text("file"));
                    List<String> chosen = words.optional("services").map(s -> Arrays.stream(s.split(",")).map(String::strip)
                            .filter(x -> !x.isEmpty()).toList()).orElse(List.of());
                    return importing(env, file, chosen, translate(env, file, chosen, words.textOrNull("family")));
                })
                .rebuild((env, request) -> new ComposeImport(env, request, this));
    }

    public OperationType<ComposeImportRequest> declaration() {
        return declaration;
    }

    /** The task definition the file makes for this environment, with every finding; reads the environment's service for its roles. */
    public ComposeTranslation translate(Environment environment, Path file, List<String> services, String family) {
        ComposeFile compose = ComposeFile.read(file);
        TaskRoles roles = rolesOf(environment);
        return ComposeTranslator.translate(compose, services, family, new ImportContext(environment.name(), environment.region(),
                environment.logGroup(), roles.executionRoleArn(), roles.taskRoleArn()));
    }

    /** The registration of a translation; refused, with the blockers, when a finding stops it. */
    public ComposeImport importing(Environment environment, Path file, List<String> services, ComposeTranslation translation) {
        if (translation.blocked()) {
            throw new IllegalArgumentException("The task definition cannot be registered: " + String.join(" ", translation.findings().stream()
                    .filter(f -> f.severity() == Finding.Severity.BLOCKER).map(Finding::sentence).toList()));
        }
        return new ComposeImport(environment, new ComposeImportRequest(file.toAbsolutePath().normalize().toString(), services,
                translation.taskDefinition(), translation.findings()), this);
    }

    private TaskRoles rolesOf(Environment environment) {
        if (environment.service() == null) {
            return new TaskRoles(null, null);
        }
        AwsTarget target = targets.of(environment);
        String current = ecs.service(target, environment.cluster(), environment.service()).taskDefinition();
        // A service deployed in task sets names no revision itself: there are then no roles to copy, which the import says.
        return current == null ? new TaskRoles(null, null) : registry.roles(target, current);
    }

    TaskDefinitionRegistry registry() {
        return registry;
    }

    TaskDefinitionReader reader() {
        return reader;
    }

    Targets targets() {
        return targets;
    }
}
