package dev.capstan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code capstan}: with no command it opens the console; each command drives the same objects the console does. */
// The help options are inherited: every command answers --help, as people type it after the command they mean.
@Command(name = "capstan", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = CapstanCommand.VERSION,
        description = "An operations console for containerised apps on AWS ECS.")
public final class CapstanCommand implements Callable<Integer> {
    /** What {@code capstan --version} prints. */
    public static final String VERSION = "capstan 0.1.0";
    /** The commands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(ProfilesCommand.class, EnvCommand.class, ServiceCommand.class, TaskCommand.class,
            RestartCommand.class, DeployCommands.Deploy.class, DeployCommands.Rollback.class, DeployCommands.History.class,
            DeployCommands.Colours.class, RunbookCommand.class, S3Command.class, RegionCommand.class, RunsCommand.class,
            HistoryCommand.class, LockCommand.class, SandboxCommand.class, BenchCommand.class, LogsCommand.class, ComposeCommand.class, BranchCommand.class);
    /** The root's options that take a value: the word after one is that value, never a command. */
    private static final Set<String> VALUED_OPTIONS = Set.of("--workspace", "--output", "--env", "--confirm-env");

    /** Built on first use: {@code --version}, {@code --help} and a mistyped command need no AWS client, store or engine. */
    private final java.util.function.Supplier<CliServices> servicesSource;
    private CliServices services;
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
        return commandLine(command, COMMANDS);
    }

    /**
     * The command line for these arguments: picocli builds a command's model by reflection over every option of
     * it and its subcommands, which is most of a short command's start-up, so only the command named is built.
     * Help, or a word that names no command, gets them all (to list them, or to suggest the nearest).
     */
    public static picocli.CommandLine commandLine(CapstanCommand command, String[] args) {
        return commandLine(command, commandsFor(args));
    }

    static List<Class<?>> commandsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                return COMMANDS;
            }
            if (VALUED_OPTIONS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return COMMANDS.stream().filter(c -> names(c).contains(arg)).findFirst().<List<Class<?>>>map(List::of).orElse(COMMANDS);
            }
        }
        return List.of();
    }

    private static List<String> names(Class<?> command) {
        Command declared = command.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(declared.aliases()));
        names.add(declared.name());
        return names;
    }

    private static picocli.CommandLine commandLine(CapstanCommand command, List<Class<?>> commands) {
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
        };
        commands.forEach(line::addSubcommand);
        line.setAllowSubcommandsAsOptionParameters(true);
        line.setOut(new java.io.PrintWriter(System.out, true));
        line.setErr(new java.io.PrintWriter(System.err, true));
        DeclaredOptions.apply(line, () -> command.services().operations().runner().types());
        return line;
    }

    public CapstanCommand(java.util.function.Supplier<CliServices> services, ConsoleStarter console) {
        this.servicesSource = services;
        this.console = console;
    }

    /** What the commands act through, built by the first command that needs it. */
    CliServices services() {
        if (services == null) {
            services = servicesSource.get();
        }
        return services;
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
        String fromEnv = services().environmentVariables().get("CAPSTAN_WORKSPACE");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
}
