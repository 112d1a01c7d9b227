package dev.capstan.app;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.config.UserDirectories;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point: no arguments opens the console; arguments run the CLI (see {@code capstan --help}).
 *
 * <p>Start-up loads only what the first screen or the command needs: the console starts without the
 * command tree, and the composition root (the AWS SDK, the stores, the engine) is built by the first
 * command that acts, so {@code --version}, {@code --help} and a mistyped command answer at once.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv()));
    }

    /** Runs the console or one command with these environment variables; returns the exit code. */
    static int run(String[] args, Map<String, String> env) throws Exception {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The version needs no command tree: picocli's model of it is most of a short command's start.
            System.out.println(CapstanCommand.VERSION);
            return 0;
        }
        UserDirectories directories = UserDirectories.fromEnvironment(env);
        // JavaFX unpacks its native libraries into a cache: the user's, never the home folder or the install folder.
        if (System.getProperty("javafx.cachedir") == null) {
            System.setProperty("javafx.cachedir", directories.cache().resolve("openjfx").toString());
        }
        OnFirstUse<AppContext> context = new OnFirstUse<>(() -> AppContext.forUser(env));
        int code;
        try {
            DesktopConsole console = new DesktopConsole(env, context);
            code = args.length == 0 ? console.open(workspaceFrom(env)) : runCommand(args, context, console);
        } finally {
            context.ifMade(AppContext::close);
        }
        return code;
    }

    private static int runCommand(String[] args, OnFirstUse<AppContext> context, DesktopConsole console) {
        CommandLine cli = CapstanCommand.commandLine(new CapstanCommand(() -> context.get().cliServices(), console), args);
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            commandLine.getErr().println("capstan: " + error.getMessage());
            return 1;
        });
        int code = cli.execute(args);
        // picocli's writers flush on println only; a command that prints a table in one go relies on this.
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /** The workspace in $CAPSTAN_WORKSPACE, as {@code capstan} with no arguments opens it; null for none. */
    private static Path workspaceFrom(Map<String, String> env) {
        String value = env.get("CAPSTAN_WORKSPACE");
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
