package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.StepRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "runs", description = "The journal of every run: list, show, resume or abandon one.")
final class RunsCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    /** The runs: this machine's, and the team's of the workspace's environments that name a history table (the workspace is read for them). */
    private RunStore store() {
        if (root.workspace() != null && !workspaceRead) {
            workspaceRead = true;
            new WorkspaceAccess(root, spec).workspace();
        }
        return root.services().operations().runner().store();
    }

    private boolean workspaceRead;

    @Command(name = "list", description = "Every run, newest first; interrupted and failed runs can be resumed.")
    int list() {
        List<RunSummary> runs = root.env == null ? store().summaries() : store().summaries(root.env);
        PrintWriter out = spec.commandLine().getOut();
        if (root.output == CapstanCommand.Output.json) {
            Printer.json(out, runs.stream().map(RunsCommand::summary).toList());
            return 0;
        }
        if (runs.isEmpty()) {
            out.println("No runs in " + store().directory() + (root.env == null ? "" : " for " + root.env) + ".");
            return 0;
        }
        // One buffer for the whole table: a printf per line costs more than reading five thousand runs.
        StringBuilder table = new StringBuilder(runs.size() * 128);
        row(table, "RUN", "STARTED", "ENVIRONMENT", "WHO", "CONSOLE", "OUTCOME", "DURATION", "OPERATION");
        for (RunSummary r : runs) {
            row(table, r.id(), WHEN.format(r.startedAt()), r.environment(), r.osUser(), r.elsewhere() ? r.console() : "here",
                    r.outcome().name(), r.duration().map(RunReport::human).orElse("-"), r.title());
        }
        out.print(table);
        long resumable = runs.stream().filter(r -> r.outcome().resumable()).count();
        if (resumable > 0) {
            out.println(resumable + " run(s) can be resumed (capstan runs resume ID) or abandoned to start over (capstan runs abandon ID).");
        }
        return 0;
    }

    private static final int[] WIDTHS = {25, 19, 12, 22, 22, 11, 9};

    private static void row(StringBuilder table, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String cell = String.valueOf(cells[i]);
            table.append(cell);
            if (i < WIDTHS.length) {
                table.append(" ".repeat(Math.max(0, WIDTHS[i] - cell.length()))).append(' ');
            }
        }
        table.append(System.lineSeparator());
    }

    private static java.util.Map<String, Object> summary(RunSummary r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", r.id());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        m.put("environment", r.environment());
        m.put("who", r.osUser());
        m.put("console", r.elsewhere() ? r.console() : "here");
        m.put("callerArn", r.callerArn());
        m.put("operation", r.operationType());
        m.put("title", r.title());
        m.put("outcome", r.outcome().name());
        m.put("error", r.error());
        return m;
    }

    @Command(name = "show", description = "One run: its plan, every step with its outcome and log, and its history.")
    int show(@Parameters(paramLabel = "ID") String id,
             @Option(names = "--markdown", description = "Print it as Markdown, to paste into a release issue.") boolean markdown) {
        RunRecord run;
        try {
            run = store().read(id);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("capstan: " + CliWords.sentence(e));
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (root.output == CapstanCommand.Output.json) {
            out.println(RunReport.json(run));
        } else if (markdown) {
            out.print(dev.capstan.ops.runbook.RunbookRecord.of(run, ZoneId.systemDefault()));
        } else {
            out.println(run.title() + ": " + run.outcome() + (run.error() == null ? "" : " (" + run.error() + ")"));
            out.println("run " + run.id() + " in " + run.environment() + " by " + run.osUser() + " as " + run.callerArn());
            for (StepRecord step : run.steps()) {
                out.printf("  %2d. %-8s %s%s%n", step.planned().number(), step.state(), step.planned().sentence(),
                        step.summary() != null ? ": " + step.summary() : step.error() != null ? ": " + step.error() : "");
                step.log().forEach(line -> out.println("        | " + line));
            }
            run.facts().forEach((k, v) -> out.println("  fact " + k + " = " + String.join(", ", v)));
            run.history().forEach(line -> out.println("  " + line));
        }
        out.flush();
        return 0;
    }

    @Command(name = "resume", description = "Continue an interrupted or failed run at its first unfinished step.")
    int resume(@Parameters(paramLabel = "ID") String id) {
        RunRecord run;
        try {
            run = store().read(id);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("capstan: " + CliWords.sentence(e));
            return 1;
        }
        Environment environment = new WorkspaceAccess(root, spec).environment(run.environment());
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        // A runbook run asks this terminal for its manual ticks and its operations' confirmations.
        root.services().operations().runbooks().services().attendants().attend(new TerminalAttendant(root, driver, spec.commandLine().getOut()));
        return driver.resume(run, environment);
    }

    @Command(name = "abandon", description = "Mark an interrupted or failed run abandoned, so the operation can start over.")
    int abandon(@Parameters(paramLabel = "ID") String id,
                @Option(names = "--reason", defaultValue = "starting over", paramLabel = "TEXT") String reason) {
        try {
            RunRecord run = store().read(id);
            Environment environment = root.workspace() == null ? null : new WorkspaceAccess(root, spec).environment(run.environment());
            RunRecord abandoned = root.services().operations().runner().abandon(id, environment, reason);
            spec.commandLine().getOut().println("Run " + id + " is " + abandoned.outcome() + "; " + abandoned.title() + " can start over.");
            return abandoned.outcome() == RunOutcome.ABANDONED ? 0 : 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("capstan: " + CliWords.sentence(e));
            return 1;
        }
    }
}
