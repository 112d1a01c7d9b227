package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.ops.OperationType;
import dev.capstan.ops.OperationTypes;
import dev.capstan.ops.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A command's options that are its operation's words show the declared help and take the declared default. */
class DeclaredOptionsTest {
    record Scale(int count) {
    }

    private final OperationTypes types = new OperationTypes(List.of(OperationType.declare("service.scale", Scale.class)
            .summary("Scale it.")
            .parameter(Parameter.required("count", "How many tasks, as declared."))
            .parameter(Parameter.withDefault("timeout", "How long to wait, as declared.", "7m"))
            .rebuild((environment, request) -> null)));

    private OptionSpec option(CommandLine root, String command, String sub, String name) {
        return root.getSubcommands().get(command).getSubcommands().get(sub).getCommandSpec().findOption(name);
    }

    @Test
    void helpAndDefaultsComeFromTheDeclaration() {
        CommandLine root = new CommandLine(new CapstanCommand(null, null));
        CapstanCommand.COMMANDS.forEach(root::addSubcommand);
        DeclaredOptions.apply(root, () -> types);

        // The declared help is read when help is first made.
        assertThat(root.getSubcommands().get("service").getSubcommands().get("scale").getUsageMessage())
                .contains("How long to wait, as declared (default 7m).");
        OptionSpec timeout = option(root, "service", "scale", "--timeout");
        assertThat(timeout.defaultValueString()).isEqualTo("7m");
        assertThat(String.join(" ", timeout.description())).isEqualTo("How long to wait, as declared (default 7m).");
        assertThat(String.join(" ", option(root, "service", "scale", "--count").description())).isEqualTo("How many tasks, as declared.");
        assertThat(option(root, "task", "run", "--timeout").description()).as("an operation not declared here gives no help").isEmpty();
    }
}
