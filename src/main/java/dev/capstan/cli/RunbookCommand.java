package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.runbook.RunbookCatalog;
import dev.capstan.ops.runbook.RunbookFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "runbook", description = "Release checklists: manual steps, Capstan's operations and automated checks, walked and journaled.",
        subcommands = {RunbookCommand.ListRunbooks.class, RunbookCommand.Run.class, RunbookCommand.Check.class, RunbookCommand.Examples.class,
                RunbookOperations.class})
final class RunbookCommand {
    @ParentCommand
    CapstanCommand root;

    /** The runbook a command names and the parameter values given for it. */
    static final class Chosen {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the runbook; repeatable.")
        List<String> given = new java.util.ArrayList<>();

        RunbookCatalog.Entry entry(CapstanCommand root, PrintWriter err) {
            return listing(root, err).require(name);
        }

        Map<String, String> values() {
            return params(given);
        }
    }

    static Map<String, String> params(List<String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : given) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param " + pair + " is not NAME=VALUE.");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return values;
    }

    static RunbookCatalog.Listing listing(CapstanCommand root, PrintWriter err) {
        RunbookCatalog.Listing listing = root.services().operations().runbooks().catalog().list(root.workspace());
        listing.problems().forEach(p -> err.println("capstan: runbook skipped: " + p));
        err.flush();
        return listing;
    }

    @Command(name = "list", description = "The built-in runbooks and those in runbooks/ beside the workspace.")
    static final class ListRunbooks implements Callable<Integer> {
        @ParentCommand
        RunbookCommand runbook;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunbookCatalog.Listing listing = listing(runbook.root, spec.commandLine().getErr());
            for (RunbookCatalog.Entry entry : listing.runbooks()) {
                Runbook r = entry.runbook();
                long manual = r.steps().stream().filter(s -> s instanceof Runbook.Manual).count();
                long checks = r.checks().size();
                out.printf("%-22s %-28s %d steps (%d manual, %d operations, %d checks)  %s%n", r.name(), r.title(), r.steps().size(), manual,
                        r.steps().size() - manual - checks, checks, r.source());
                r.parameters().forEach(p -> out.printf("%-22s   --param %s=%s%s%n", "", p.name(), p.defaultValue() == null ? "…" : p.defaultValue(),
                        p.description() == null || p.description().isEmpty() ? "" : "   " + p.description()));
            }
            out.flush();
            return listing.problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "run", description = "Walk a runbook: manual steps ask for y (--yes never ticks one), operations show their plan, checks run.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        RunbookCommand runbook;
        @Spec
        CommandSpec spec;
        @Mixin
        Chosen chosen;

        @Override
        public Integer call() {
            CapstanCommand root = runbook.root;
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            OperationDriver driver = new OperationDriver(root, spec);
            RunbookFactory runbooks = root.services().operations().runbooks();
            try {
                var operation = runbooks.run(chosen.entry(root, spec.commandLine().getErr()), environment, chosen.values());
                runbooks.services().attendants().attend(new TerminalAttendant(root, driver, spec.commandLine().getOut()));
                return driver.run(operation);
            } catch (IllegalArgumentException e) {
                driver.refused(e);
                return 2;
            }
        }
    }

    @Command(name = "check", description = "Run only a runbook's checks now, printing each one's evidence; exit 1 if any fails.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RunbookCommand runbook;
        @Spec
        CommandSpec spec;
        @Mixin
        Chosen chosen;

        @Override
        public Integer call() {
            CapstanCommand root = runbook.root;
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            OperationDriver driver = new OperationDriver(root, spec);
            List<RunbookFactory.CheckResult> results;
            try {
                RunbookCatalog.Entry entry = chosen.entry(root, spec.commandLine().getErr());
                if (entry.runbook().checks().isEmpty()) {
                    throw new IllegalArgumentException("Runbook " + chosen.name + " has no checks.");
                }
                // "Since the deploy" has no run to start from here: the last hour stands in, unless a check says otherwise.
                results = root.services().operations().runbooks().checks(entry, environment, chosen.values(), Instant.now().minusSeconds(3600));
            } catch (IllegalArgumentException e) {
                driver.refused(e);
                return 2;
            }
            for (RunbookFactory.CheckResult result : results) {
                String verdict = result.error() != null ? "ERROR" : result.passed() ? "PASS " : "FAIL ";
                out.println(verdict + " " + result.step().title() + ": " + (result.error() != null ? result.error() : result.outcome().summary()));
                if (result.outcome() != null) {
                    result.outcome().evidence().forEach(line -> out.println("        " + line));
                }
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            out.println(failed == 0 ? "All " + results.size() + " checks passed." : failed + " of " + results.size() + " checks failed.");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "examples", description = "Write the built-in runbooks into a folder (default: runbooks/ beside the workspace) to edit.")
    static final class Examples implements Callable<Integer> {
        @ParentCommand
        RunbookCommand runbook;
        @Spec
        CommandSpec spec;
        @Option(names = "--to", paramLabel = "DIR")
        Path to;

        @Override
        public Integer call() throws Exception {
            Path workspace = runbook.root.workspace();
            Path folder = to != null ? to : workspace == null ? Path.of("runbooks") : workspace.toAbsolutePath().getParent().resolve("runbooks");
            var written = runbook.root.services().operations().runbooks().catalog().writeExamples(folder);
            PrintWriter out = spec.commandLine().getOut();
            written.forEach(f -> out.println("wrote " + f));
            out.println(written.isEmpty() ? "Nothing written: every example is already in " + folder + "." : "Edit them; capstan runbook list shows them.");
            out.flush();
            return 0;
        }
    }
}
