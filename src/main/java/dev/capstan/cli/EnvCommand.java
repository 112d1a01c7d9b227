package dev.capstan.cli;

import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
        Workspace workspace = new WorkspaceAccess(root, spec).workspace();
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
    int check() {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        List<CheckResult> results = root.services().environmentCheck().run(environment);
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
}
