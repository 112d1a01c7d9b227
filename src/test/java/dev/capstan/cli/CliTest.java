package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.SdkEstateProbe;
import dev.capstan.aws.StsIdentityGateway;
import dev.capstan.config.WorkspaceLoader;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.db.JdbcDatabaseProbe;
import dev.capstan.domain.Environment;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith({MotoExtension.class, PostgresExtension.class})
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final int[] consoleOpened = {0};

    private int run(MotoWorld moto, String... args) {
        CliServices services = new CliServices(moto.catalog(), new StsIdentityGateway(moto.clients()),
                new EnvironmentCheck(moto.catalog(), new StsIdentityGateway(moto.clients()), new SdkEstateProbe(moto.clients()),
                        new JdbcDatabaseProbe(new ConnectionFactory(Map.of()))),
                new WorkspaceLoader(), Map.of());
        ConsoleStarter console = new ConsoleStarter() {
            @Override
            public int open(Path workspace) {
                consoleOpened[0]++;
                return 0;
            }

            @Override
            public int sandbox(boolean gui) {
                return 0;
            }
        };
        return new CommandLine(new CapstanCommand(services, console))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Path workspace(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment good = TestEstate.environment(moto, database, "cli");
        Path file = Files.createTempDirectory("capstan-cli").resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(good, TestEstate.withCluster(good, "gone")));
        return file;
    }

    @Test
    void noArgumentsOpensTheConsole(MotoWorld moto) {
        assertThat(run(moto)).isZero();
        assertThat(consoleOpened[0]).isEqualTo(1);
    }

    @Test
    void envCheckPassesAndFailsWithTheRightExitCode(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        assertThat(run(moto, "--workspace", file.toString(), "env", "check", "--env", "cli")).isZero();
        assertThat(out.toString()).contains("OK      cluster").contains("OK      database");

        assertThat(run(moto, "--workspace", file.toString(), "env", "check", "--env", "cli-broken")).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED  cluster").contains("gone: no active ECS cluster");
    }

    @Test
    void jsonOutputIsParseable(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        assertThat(run(moto, "--workspace", file.toString(), "--output", "json", "env", "list")).isZero();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(tree.get(0).get("name").asText()).isEqualTo("cli");
    }

    @Test
    void badInputIsAnsweredClearly(MotoWorld moto, SandboxDatabase database) throws Exception {
        assertThat(run(moto, "env", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("No workspace: pass --workspace FILE");

        assertThat(run(moto, "--workspace", "/no/such/capstan.yaml", "env", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");

        Path file = workspace(moto, database);
        assertThat(run(moto, "--workspace", file.toString(), "env", "check", "--env", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("No environment 'nope'").contains("cli, cli-broken");

        assertThat(run(moto, "profiles", "test", "ghost")).isEqualTo(2);
        assertThat(err.toString()).contains("No profile named 'ghost'");

        assertThat(run(moto, "profiles", "test", "no-region")).isEqualTo(2);
        assertThat(err.toString()).contains("has no region").contains("--region");
    }

    @Test
    void profilesAreListedAndTested(MotoWorld moto) {
        assertThat(run(moto, "profiles", "list")).isZero();
        assertThat(out.toString()).contains("moto").contains("static keys").doesNotContain("testing-secret");
        assertThat(run(moto, "profiles", "test", "moto")).isZero();
        assertThat(out.toString()).contains("arn:aws:sts::123456789012:");
        assertThat(run(moto, "profiles", "test", "no-region", "--region", "eu-west-1")).isZero();
    }
}
