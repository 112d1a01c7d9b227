package dev.capstan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code capstan}: with no command it opens the console; each command drives the same objects the console does. */
@Command(name = "capstan", mixinStandardHelpOptions = true, version = "capstan 0.1.0",
        description = "An operations console for containerised apps on AWS ECS.",
        subcommands = {ProfilesCommand.class, EnvCommand.class, ServiceCommand.class, TaskCommand.class, RestartCommand.class, DeployCommands.Deploy.class, DeployCommands.Rollback.class, DeployCommands.History.class, DeployCommands.Colours.class, RunbookCommand.class, S3Command.class, RegionCommand.class, RunsCommand.class, HistoryCommand.class, LockCommand.class,
                SandboxCommand.class, BenchCommand.class, LogsCommand.class})
public final class CapstanCommand implements Callable<Integer> {
    final CliServices services;
    final ConsoleStarter console;

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The workspace file (capstan.yaml). Default: $CAPSTAN_WORKSPACE.")
    Path workspace;

    @Option(names = "--output", scope = ScopeType.INHERIT, defaultValue = "text", paramLabel = "text|json",
            description = "How results are printed: ${COMPLETION-CANDIDATES}.")
    Output output;

    @Option(names = "--env", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "The environment of the workspace to act on.")
    String env;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", scope = ScopeType.INHERIT, description = "Confirm without asking (production also needs --confirm-env).")
    boolean yes;

    @Option(names = "--confirm-env", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The environment's name, typed to confirm a change to a production environment.")
    String confirmEnv;

    public enum Output { text, json }

    /** Where a confirmation is read from when --yes is not given; a test replaces it. */
    java.io.BufferedReader input = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));

    /**
     * The command line as it is run: an environment may be named like a command ("bench", "logs"), so a
     * word after --env is always its value.
     */
    public static picocli.CommandLine commandLine(CapstanCommand command) {
        // Whatever writers the caller sets, text reaches them through a VisibleWriter: nothing printed acts on a terminal.
        picocli.CommandLine line = new picocli.CommandLine(command) {
            @Override
            public picocli.CommandLine setOut(java.io.PrintWriter out) {
                return super.setOut(VisibleWriter.around(out));
            }

            @Override
            public picocli.CommandLine setErr(java.io.PrintWriter err) {
                return super.setErr(VisibleWriter.around(err));
            }
        }.setAllowSubcommandsAsOptionParameters(true);
        line.setOut(new java.io.PrintWriter(System.out, true));
        line.setErr(new java.io.PrintWriter(System.err, true));
        DeclaredOptions.apply(line, command.services.operations().runner().types());
        return line;
    }

    public CapstanCommand(CliServices services, ConsoleStarter console) {
        this.services = services;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        return console.open(workspace());
    }

    /** The workspace named on the command line or in $CAPSTAN_WORKSPACE, or null. */
    Path workspace() {
        if (workspace != null) {
            return workspace;
        }
        String fromEnv = services.environmentVariables().get("CAPSTAN_WORKSPACE");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
}
