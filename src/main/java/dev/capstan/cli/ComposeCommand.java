package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.ops.compose.ComposeImports;
import dev.capstan.ops.compose.ComposeTranslation;
import dev.capstan.ops.compose.TaskDefinitionJson;
import dev.capstan.ops.taskdefs.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "compose", description = "Docker Compose files as Fargate task definitions.")
final class ComposeCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Starts("compose.import")
    @Command(name = "import", description = "Make a Fargate task definition from a compose file, list what changed and why, and register it "
            + "(--dry-run prints it instead).")
    int importFile(@Parameters(paramLabel = "FILE", description = "The compose file, such as compose.yaml.") Path file,
                   @Option(names = "--service", paramLabel = "NAME", description = "A compose service to put in the task; repeatable (default: all).")
                   List<String> services,
                   @Option(names = "--family", paramLabel = "NAME", description = "The task definition family (default: the compose project's name).")
                   String family) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        List<String> chosen = services == null ? List.of() : new ArrayList<>(services);
        ComposeImports compose = root.services().operations().compose();
        ComposeTranslation translation;
        try {
            translation = compose.translate(environment, file, chosen, family);
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        } catch (RuntimeException e) {
            return driver.refused(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (root.dryRun) {
            print(out, translation);
            return translation.blocked() ? 1 : 0;
        }
        if (root.output == CapstanCommand.Output.text) {
            printFindings(out, translation);
        }
        try {
            return driver.run(compose.importing(environment, file, chosen, translation));
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        }
    }

    private void print(PrintWriter out, ComposeTranslation translation) {
        if (root.output == CapstanCommand.Output.json) {
            out.println(TaskDefinitionJson.write(translation));
        } else {
            printFindings(out, translation);
            out.println("Task definition (as aws ecs register-task-definition --cli-input-json reads it):");
            out.println(TaskDefinitionJson.taskDefinition(translation));
            out.println("Dry run: nothing was registered.");
        }
        out.flush();
    }

    private static void printFindings(PrintWriter out, ComposeTranslation translation) {
        out.println("Findings:");
        for (Finding f : translation.findings()) {
            out.printf("  %-8s %s%n", f.severity().name().toLowerCase(Locale.ROOT), f.sentence());
        }
        out.flush();
    }
}
