package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.ops.ConfirmationRequest;
import dev.capstan.ops.Decision;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Plan;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Drives an operation from the command line the way the console does: plan, print, confirm (--yes,
 * --confirm-env or a prompt), run with progress, and exit 0 only on success. Every refusal is one line
 * on stderr that says what to do.
 */
final class OperationDriver {
    private final CapstanCommand root;
    private final CommandSpec spec;
    private final Runner runner;

    OperationDriver(CapstanCommand root, CommandSpec spec) {
        this.root = root;
        this.spec = spec;
        this.runner = root.services().operations().runner();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private boolean json() {
        return root.output == CapstanCommand.Output.json;
    }

    int run(Operation operation) {
        try {
            Plan plan = runner.plan(operation);
            printPlan(plan, operation.environment());
            if (root.dryRun) {
                if (!json()) {
                    out().println("Dry run: nothing was changed.");
                }
                return 0;
            }
            Decision decision = confirm(runner.confirmationFor(operation, plan));
            return await(runner.start(operation, plan, decision, progress()));
        } catch (Exception e) {
            return refused(e);
        }
    }

    int resume(RunRecord record, Environment environment) {
        try {
            printPlan(record.plan(), environment);
            if (!json()) {
                out().println(record.nextStep().map(s -> "Resumes at step " + s.planned().number() + ": " + s.planned().sentence())
                        .orElse("Every step was done before the run stopped; resuming closes it."));
            }
            if (root.dryRun) {
                if (!json()) {
                    out().println("Dry run: nothing was changed.");
                }
                return 0;
            }
            Decision decision = confirm(runner.resumeConfirmation(record, environment));
            return await(runner.resume(record.id(), environment, decision, progress()));
        } catch (Exception e) {
            return refused(e);
        }
    }

    int refused(Exception e) {
        err().println("capstan: " + CliWords.sentence(e));
        return 1;
    }

    private int await(RunHandle handle) throws Exception {
        RunRecord run = handle.finished().get();
        if (json()) {
            out().println(RunReport.json(run));
        } else {
            out().println(run.outcome() + ": " + run.title() + " (run " + run.id() + ")" + run.duration().map(d -> " in " + RunReport.human(d)).orElse(""));
        }
        out().flush();
        if (run.outcome() != RunOutcome.SUCCEEDED) {
            err().println("capstan: " + (run.error() == null ? run.outcome().name().toLowerCase(java.util.Locale.ROOT) : run.error())
                    + (run.outcome().resumable() ? " (resume with: capstan runs resume " + run.id() + ")" : ""));
        }
        return exitCode(run);
    }

    /**
     * 0 for success, 1 for failure; a run that journaled a process's exit code (a one-off task) exits with
     * that code instead, so a script can test it.
     */
    static int exitCode(RunRecord run) {
        List<String> code = run.facts().get("exitCode");
        if (code != null && !code.isEmpty()) {
            int exit = Integer.parseInt(code.get(0));
            return run.outcome() == RunOutcome.SUCCEEDED || exit != 0 ? exit : 1;
        }
        return run.outcome() == RunOutcome.SUCCEEDED ? 0 : 1;
    }

    void printPlan(Plan plan, Environment environment) {
        if (json()) {
            Printer.json(out(), plan);
            return;
        }
        PrintWriter out = out();
        out.println("Plan: " + plan.title() + (environment.production() ? "  [PRODUCTION]" : "") + (environment.readOnly() ? "  [read-only]" : ""));
        for (PlannedStep step : plan.steps()) {
            out.printf("  %2d. %-7s %s%s%n", step.number(), step.kind().name().toLowerCase(java.util.Locale.ROOT), step.sentence(),
                    step.hasChange() ? "   [" + step.before() + " -> " + step.after() + "]" : "");
            // A dry run lists everything a step would touch; a real run shows the first few, the journal keeps them all.
            int shown = root.dryRun ? step.details().size() : Math.min(5, step.details().size());
            step.details().stream().limit(shown).forEach(item -> out.println("             " + item));
            if (shown < step.details().size()) {
                out.println("             … and " + (step.details().size() - shown) + " more (--dry-run lists them all)");
            }
        }
        plan.warnings().forEach(w -> out.println("  Warning: " + w));
        out.flush();
    }

    /** --yes (with --confirm-env for production), or a question on the terminal. */
    Decision confirm(ConfirmationRequest request) throws IOException {
        if (root.yes) {
            return request.typedNameRequired() ? Decision.typing(root.confirmEnv) : Decision.yes();
        }
        if (request.typedNameRequired()) {
            out().print(request.environment().name() + " is PRODUCTION. Type its name to " + request.verb().toLowerCase(java.util.Locale.ROOT) + ": ");
            out().flush();
            String typed = root.input.readLine();
            return typed == null ? Decision.no() : Decision.typing(typed.trim());
        }
        out().print(request.verb() + " on " + request.environment().name() + "? [y/N] ");
        out().flush();
        String answer = root.input.readLine();
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes") ? Decision.yes() : Decision.no();
    }

    /** Progress lines as the run goes; quiet when the output is JSON, which gets the whole record at the end. */
    private RunListener progress() {
        if (json()) {
            return RunListener.NONE;
        }
        PrintWriter out = out();
        return new RunListener() {
            @Override
            public void stepStarted(PlannedStep step) {
                out.println("[" + step.number() + "] " + step.sentence());
                out.flush();
            }

            @Override
            public void stepDone(PlannedStep step, String summary) {
                out.println("    done: " + summary);
                out.flush();
            }

            @Override
            public void stepFailed(PlannedStep step, String error) {
                out.println("    FAILED: " + error);
                out.flush();
            }

            @Override
            public void log(PlannedStep step, String line) {
                out.println("    | " + line);
                out.flush();
            }

            @Override
            public void note(String line) {
                out.println("    " + line);
                out.flush();
            }
        };
    }
}
