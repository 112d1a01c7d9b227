package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.ops.history.HistoryStatus;
import dev.capstan.ops.history.TeamHistory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", description = "The team's history of an environment: the DynamoDB table its runs are shared in.")
final class HistoryCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    private TeamHistory history() {
        return root.services().history();
    }

    @Command(name = "status", description = "Where --env's runs are shared, and what this machine has not sent there yet. Exit 0 all sent, 3 some waiting.")
    int status() {
        return onHistory(environment -> {
            HistoryStatus status = history().status(environment);
            PrintWriter out = spec.commandLine().getOut();
            if (root.output == CapstanCommand.Output.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("environment", status.environment());
                json.put("table", status.table());
                json.put("tableExists", status.tableExists());
                json.put("console", history().console().name());
                json.put("waiting", status.waiting());
                json.put("problem", status.problem());
                Printer.json(out, json);
            } else {
                out.println(status.sentence());
                status.waiting().forEach(w -> out.println("  " + w.runId() + "  " + w.lines() + " record(s)  " + w.title()));
            }
            return status.waiting().isEmpty() ? 0 : 3;
        });
    }

    @Command(name = "create-table", description = "Create the DynamoDB table --env names as its historyTable (on-demand capacity).")
    int createTable() {
        return onHistory(environment -> {
            if (environment.historyTable() == null) {
                spec.commandLine().getErr().println("capstan: environment " + environment.name() + " names no historyTable; add one (historyTable: NAME) "
                        + "to its entry in the workspace to share its runs with the team.");
                return 2;
            }
            if (history().tableExists(environment)) {
                spec.commandLine().getOut().println("The history table " + environment.historyTable() + " already exists.");
                return 0;
            }
            history().createTable(environment);
            spec.commandLine().getOut().println("Created the history table " + environment.historyTable() + " in " + environment.region()
                    + "; runs of " + environment.name() + " are shared there from now on.");
            return 0;
        });
    }

    /** Runs a history command on --env: exit 2 when the environment is missing, 1 with a sentence when AWS fails. */
    private int onHistory(java.util.function.Function<Environment, Integer> command) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        try {
            return command.apply(environment);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("capstan: " + CliWords.sentence(e));
            return 1;
        }
    }
}
