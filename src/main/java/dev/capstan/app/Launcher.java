package dev.capstan.app;

import dev.capstan.cli.CapstanCommand;
import java.util.Map;
import picocli.CommandLine;

/** The entry point: no arguments opens the console; arguments run the CLI (see {@code capstan --help}). */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        int code;
        try (AppContext context = AppContext.forUser(env)) {
            CommandLine cli = CapstanCommand.commandLine(new CapstanCommand(context.cliServices(), new DesktopConsole(env, context)));
            cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
                commandLine.getErr().println("capstan: " + error.getMessage());
                return 1;
            });
            code = cli.execute(args);
            // picocli's writers flush on println only; a command that prints a table in one go relies on this.
            cli.getOut().flush();
            cli.getErr().flush();
        }
        System.exit(code);
    }
}
