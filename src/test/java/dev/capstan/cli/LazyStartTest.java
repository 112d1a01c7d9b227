package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A short command builds only what it uses: no composition root for the version, only the named command's model. */
class LazyStartTest {
    private final AtomicInteger servicesBuilt = new AtomicInteger();
    private final StringWriter out = new StringWriter();

    private CommandLine commandLine(String... args) {
        CapstanCommand root = new CapstanCommand(() -> {
            servicesBuilt.incrementAndGet();
            throw new IllegalStateException("the services were built");
        }, null);
        return CapstanCommand.commandLine(root, args).setOut(new PrintWriter(out));
    }

    @Test
    void theVersionNeedsNoServicesAndNoCommands() {
        CommandLine line = commandLine("--version");
        assertThat(line.getSubcommands()).isEmpty();
        assertThat(line.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("capstan ");
        assertThat(servicesBuilt).hasValue(0);
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertThat(commandLine("--env", "bench", "env", "list").getSubcommands()).containsOnlyKeys("env");
        assertThat(commandLine("--workspace", "w.yaml", "colors").getSubcommands()).containsOnlyKeys("colours", "colors");
        assertThat(servicesBuilt).hasValue(0);
    }

    @Test
    void helpAndAnUnknownWordGetEveryCommand() {
        int all = CapstanCommand.COMMANDS.size();
        assertThat(commandLine("--help").getSubcommands().values().stream().distinct().count()).isEqualTo(all);
        assertThat(commandLine("evn", "list").getSubcommands().values().stream().distinct().count()).isEqualTo(all);
        CommandLine line = commandLine("evn", "list");
        line.setErr(new PrintWriter(new StringWriter()));
        assertThat(line.execute("evn", "list")).isEqualTo(2);
        assertThat(servicesBuilt).hasValue(0);
    }

    @Test
    void everyCommandAnswersHelpWithoutTheServices() {
        assertThat(commandLine("env", "list", "--help").execute("env", "list", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: capstan env list").contains("--workspace=FILE");
        assertThat(servicesBuilt).hasValue(0);
    }
}
