package dev.capstan.cli;

import dev.capstan.config.WorkspaceException;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "env", description = "List the workspace's environments, or check one against AWS and its database.")
final class EnvCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "The environments of the workspace.")
    int list() {
        Workspace workspace = load();
        if (workspace == null) {
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (root.output == CapstanCommand.Output.json) {
            Printer.json(out, workspace.environments());
            return 0;
        }
        for (Environment e : workspace.environments()) {
            out.printf("%-16s %-22s %-12s %-24s %s%n", e.name(), e.profile(), e.region(), e.cluster(),
                    (e.production() ? "production " : "") + (e.readOnly() ? "read-only" : ""));
        }
        return 0;
    }

    @Command(name = "check", description = "Check every field of an environment against AWS and the database. Exit 1 if any fails.")
    int check(@Option(names = "--env", required = true, paramLabel = "NAME") String name) {
        Workspace workspace = load();
        if (workspace == null) {
            return 2;
        }
        Environment environment = workspace.environment(name).orElse(null);
        if (environment == null) {
            spec.commandLine().getErr().println("No environment '" + name + "' in " + workspace.source() + "; it has: "
                    + String.join(", ", workspace.environments().stream().map(Environment::name).toList()));
            return 2;
        }
        List<CheckResult> results = root.services.environmentCheck().run(environment);
        PrintWriter out = spec.commandLine().getOut();
        if (root.output == CapstanCommand.Output.json) {
            Printer.json(out, results);
        } else {
            for (CheckResult r : results) {
                out.printf("%-7s %-34s %s%n", r.status() == CheckResult.Status.NOT_SET ? "-" : r.status(), r.field(),
                        r.status() == CheckResult.Status.NOT_SET ? r.detail() : r.value() + ": " + r.detail());
            }
        }
        return EnvironmentCheck.allPassed(results) ? 0 : 1;
    }

    private Workspace load() {
        Path file = root.workspace();
        if (file == null) {
            spec.commandLine().getErr().println("No workspace: pass --workspace FILE or set CAPSTAN_WORKSPACE.");
            return null;
        }
        try {
            return root.services.workspaceLoader().load(file);
        } catch (WorkspaceException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return null;
        }
    }
}
