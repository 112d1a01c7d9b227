package dev.capstan.cli;

import dev.capstan.ops.OperationTypes;
import dev.capstan.ops.Parameter;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of a command that starts an operation are that operation's words ({@code --timeout} is its
 * {@code timeout}): their help and their defaults come from the operation's declaration, through picocli's
 * resource bundle and default value provider, so neither is written twice. A command says which operation it
 * starts with {@link Starts}.
 */
final class DeclaredOptions {
    private DeclaredOptions() {
    }

    static void apply(CommandLine root, Supplier<OperationTypes> types) {
        // The declarations are asked for only when a command that starts an operation is parsed or its help is made:
        // picocli reads a resource bundle's every key when it is set, so the help is set just before such help is made.
        root.setHelpFactory(new CommandLine.IHelpFactory() {
            private boolean helpSet;

            @Override
            public CommandLine.Help create(CommandSpec spec, CommandLine.Help.ColorScheme colors) {
                return new CommandLine.Help(spec, colors) {
                    @Override
                    public String optionList() {
                        if (!helpSet && starts(spec).isPresent()) {
                            helpSet = true;
                            root.setResourceBundle(helpOf(root, types.get()));
                        }
                        return super.optionList();
                    }
                };
            }
        });
        root.setDefaultValueProvider(arg -> parameterOf(arg, types).map(Parameter::defaultValue).orElse(null));
    }

    private static ListResourceBundle helpOf(CommandLine root, OperationTypes types) {
        Map<String, String> help = new HashMap<>();
        collect(root, types, help);
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return help.entrySet().stream().map(e -> new Object[]{e.getKey(), e.getValue()}).toArray(Object[][]::new);
            }
        };
    }

    private static void collect(CommandLine line, OperationTypes types, Map<String, String> help) {
        CommandSpec spec = line.getCommandSpec();
        for (OptionSpec option : spec.options()) {
            parameterOf(option, types).ifPresent(p -> help.put(spec.qualifiedName(".") + "." + word(option), helpOf(p)));
        }
        line.getSubcommands().values().forEach(sub -> collect(sub, types, help));
    }

    /** The declared help, with the default where it says something (a flag's "false" does not). */
    private static String helpOf(Parameter p) {
        if (p.defaultValue() == null || p.defaultValue().equals("false")) {
            return p.help();
        }
        return p.help().replaceFirst("\\.$", "") + " (default ${DEFAULT-VALUE}).";
    }

    /** The declared word an option is, if its command starts an operation that takes it. */
    private static Optional<Parameter> parameterOf(ArgSpec arg, OperationTypes types) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) {
            return Optional.empty();
        }
        return starts(arg.command()).flatMap(types::find).flatMap(type -> type.parameter(word(option)));
    }

    private static Optional<Parameter> parameterOf(ArgSpec arg, Supplier<OperationTypes> types) {
        return arg.command() == null || starts(arg.command()).isEmpty() ? Optional.empty() : parameterOf(arg, types.get());
    }

    /** The operation type the command is marked as starting: on its class, or on its method for a command method. */
    private static Optional<String> starts(CommandSpec command) {
        Object user = command.userObject();
        Starts marked = user instanceof Method method ? method.getAnnotation(Starts.class)
                : user == null ? null : user.getClass().getAnnotation(Starts.class);
        return Optional.ofNullable(marked).map(Starts::value);
    }

    private static String word(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }
}
