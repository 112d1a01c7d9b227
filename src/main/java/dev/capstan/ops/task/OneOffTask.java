package dev.capstan.ops.task;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one Fargate task from a task definition with a container's command overridden (a database
 * migration, typically) and watches it to its exit code with its logs. The task carries the run's id
 * as startedBy, and its ARN is journaled, so a resumed run goes back to the same task and never starts a second.
 */
public final class OneOffTask implements Operation {
    public static final String TYPE = "task.run";
    private final Environment environment;
    private final TaskRunRequest request;
    private final TaskRunServices services;

    OneOffTask(Environment environment, TaskRunRequest request, TaskRunServices services) {
        this.environment = environment;
        this.request = request;
        this.services = services;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        String command = String.join(" ", request.command());
        if (command.length() > 48) {
            command = command.substring(0, 47) + "…";
        }
        return "Run task '" + command + "' on " + environment.name();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public TaskRunRequest request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(List.of(new CheckTaskRequest(this), new StartTask(this)));
        if (request.waitForExit()) {
            steps.add(new WatchTask(this));
        }
        return steps;
    }

    /** Where the chosen revision stands against the service's and the family's newest; read when the plan is made. */
    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        AwsTarget target = target();
        TaskDefRevision chosen = services.taskDefinitions().revision(target, request.taskDefinition());
        if (request.service() != null) {
            ServiceStatus service = services.ecs().service(target, environment.cluster(), request.service());
            if (!chosen.arn().equals(service.taskDefinition())) {
                warnings.add(request.service() + " runs " + TaskDefinitionNames.familyRevision(service.taskDefinition()) + ", but this task uses "
                        + chosen.name() + ".");
            }
        }
        List<TaskDefRevision> revisions = services.taskDefinitions().revisions(target, chosen.family());
        if (!revisions.isEmpty() && revisions.get(0).revision() != chosen.revision()) {
            warnings.add(revisions.get(0).name() + " is the newest revision of " + chosen.family() + "; this task uses " + chosen.name() + ".");
        }
        if (request.assignPublicIp()) {
            warnings.add("The task gets a public IP address.");
        }
        return warnings;
    }

    Environment env() {
        return environment;
    }

    TaskRunServices services() {
        return services;
    }

    AwsTarget target() {
        return services.targets().of(environment);
    }
}
