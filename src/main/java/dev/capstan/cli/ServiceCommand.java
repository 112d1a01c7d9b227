package dev.capstan.cli;

import dev.capstan.domain.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "service", description = "Operations on the environment's ECS service.")
final class ServiceCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Starts("service.scale")
    @Command(name = "scale", description = "Set the service's desired count and wait until that many tasks run.")
    int scale(@Option(names = "--count", required = true, paramLabel = "N") int count,
              @Option(names = "--timeout", paramLabel = "DURATION") String timeout) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        try {
            return driver.run(root.services().operations().scale().scale(environment, count, dev.capstan.domain.Durations.parse(timeout)));
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        }
    }
}
