package dev.capstan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code capstan}: with no command it opens the console; each command drives the same objects the console does. */
@Command(name = "capstan", mixinStandardHelpOptions = true, version = "capstan 0.1.0",
        description = "An operations console for containerised apps on AWS ECS.",
        subcommands = {ProfilesCommand.class, EnvCommand.class, SandboxCommand.class})
public final class CapstanCommand implements Callable<Integer> {
    final CliServices services;
    final ConsoleStarter console;

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The workspace file (capstan.yaml). Default: $CAPSTAN_WORKSPACE.")
    Path workspace;

    @Option(names = "--output", scope = ScopeType.INHERIT, defaultValue = "text", paramLabel = "text|json",
            description = "How results are printed: ${COMPLETION-CANDIDATES}.")
    Output output;

    public enum Output { text, json }

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
