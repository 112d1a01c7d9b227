package dev.capstan.cli;

import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import dev.capstan.domain.EnvironmentOverrides;
import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.task.OneOffTaskFactory;
import dev.capstan.ops.task.TaskRunDefaults;
import dev.capstan.ops.task.TaskRunRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "task", description = "One-off Fargate tasks, such as database migrations.", subcommands = TaskCommand.Run.class)
final class TaskCommand {
    @ParentCommand
    CapstanCommand root;

    @Starts("task.run")
    @Command(name = "run", description = "Run one task with a command override, stream its logs, and exit with its exit code.")
    static final class Run implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        TaskCommand task;
        @Spec
        CommandSpec spec;

        @Option(names = "--service", paramLabel = "NAME")
        String service;
        @Option(names = "--task-definition", paramLabel = "FAMILY:REV|ARN")
        String taskDefinition;
        @Option(names = "--container", paramLabel = "NAME")
        String container;
        @Option(names = "--command", required = true, paramLabel = "TEXT")
        String command;
        @Option(names = "--command-syntax", paramLabel = "auto|comma|shell")
        String syntax;
        @Option(names = "--env-var", paramLabel = "NAME=VALUE", description = "An environment variable to override in the container; repeatable.")
        List<String> environmentVariables = new ArrayList<>();
        @Option(names = "--subnets", split = ",", paramLabel = "ID", description = "Subnets to run in (default: the environment's network.subnets).")
        List<String> subnets;
        @Option(names = "--security-groups", split = ",", paramLabel = "ID",
                description = "Security groups (default: the environment's network.securityGroups).")
        List<String> securityGroups;
        @Option(names = "--public-ip", paramLabel = "true|false", description = "Assign a public IP (default: the environment's network.assignPublicIp).")
        Boolean publicIp;
        @Option(names = "--no-wait", description = "Start the task and end; do not watch it to its exit.")
        boolean noWait;
        @Option(names = "--timeout", paramLabel = "DURATION")
        String timeout;

        @Override
        public Integer call() {
            CapstanCommand root = task.root;
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            OperationDriver driver = new OperationDriver(root, spec);
            OneOffTaskFactory tasks = root.services().operations().tasks();
            TaskRunRequest request;
            try {
                request = request(tasks.defaults(environment, service, taskDefinition));
            } catch (IllegalArgumentException e) {
                driver.refused(e);
                return 2;
            } catch (RuntimeException e) {
                return driver.refused(e);
            }
            try {
                return driver.run(tasks.task(environment, request));
            } catch (RuntimeException e) {
                return driver.refused(e);
            }
        }

        private TaskRunRequest request(TaskRunDefaults defaults) {
            List<String> words = CommandWords.split(command, syntax());
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String variable : environmentVariables) {
                Map.Entry<String, String> entry = EnvironmentOverrides.entry(variable, "--env-var");
                overrides.put(entry.getKey(), entry.getValue());
            }
            return new TaskRunRequest(defaults.service(), defaults.taskDefinition(), container != null ? container : defaults.container(), words,
                    overrides, subnets != null ? subnets : defaults.subnets(), securityGroups != null ? securityGroups : defaults.securityGroups(),
                    publicIp != null ? publicIp : defaults.assignPublicIp(), !noWait, Durations.parse(timeout));
        }

        private CommandSyntax syntax() {
            return CommandSyntax.parse(syntax);
        }
    }
}
