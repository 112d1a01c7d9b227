package dev.capstan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.OperationTypes;
import dev.capstan.ops.Parameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunbookLoaderTest {
    /** Two operations with their words, declared as the product declares them; the loader asks the catalogue they make. */
    record NoRequest() {
    }

    private static final OperationTypes OPERATIONS = new OperationTypes(List.of(
            OperationType.declare("s3.copy", NoRequest.class).summary("Copy.")
                    .parameter(Parameter.required("from", "From.")).parameter(Parameter.required("to", "To."))
                    .parameter(Parameter.optional("backup", "Backup.")).parameter(Parameter.withDefault("mirror", "Mirror.", "false"))
                    .fromWords((environment, words) -> null).rebuild((environment, request) -> null),
            OperationType.declare("service.restart", NoRequest.class).summary("Restart.")
                    .parameter(Parameter.optional("health-log-pattern", "Pattern.")).parameter(Parameter.withDefault("timeout", "Wait.", "30m"))
                    .fromWords((environment, words) -> null).rebuild((environment, request) -> null)));
    private final RunbookLoader loader = new RunbookLoader(OPERATIONS::problems, Set.of("region-row", "tasks-running"));
    private final Path file = Path.of("runbooks/update.yaml");

    private Runbook parse(String yaml) throws WorkspaceException {
        return loader.parse(file, yaml, file.toString());
    }

    @Test
    void aRunbookReadsItsParametersAndItsThreeKindsOfStep() throws Exception {
        Runbook runbook = parse("""
                name: update
                title: Update ${region}
                parameters:
                  - name: region
                  - name: pattern
                    default: HealthCheckService
                steps:
                  - manual: |
                      Make a test map of ${region}.
                    note: Link
                  - operation: service.restart
                    id: restart
                    with: {health-log-pattern: "${pattern}"}
                  - check: region-row
                    title: Row of ${region}
                    with: {region: "${region}", s3_uri: s3://b/x}
                """);

        assertThat(runbook.parameters()).extracting(Runbook.Parameter::required).containsExactly(true, false);
        assertThat(runbook.steps()).hasSize(3);
        assertThat(runbook.steps().get(0)).isEqualTo(new Runbook.Manual("step-1", "Make a test map of ${region}.", "Make a test map of ${region}.", "Link"));
        assertThat(runbook.steps().get(1)).isEqualTo(new Runbook.OperationCall("restart", "service.restart", "service.restart",
                Map.of("health-log-pattern", "${pattern}")));
        assertThat(runbook.resolve(Map.of("region", "OH"))).containsEntry("region", "OH").containsEntry("pattern", "HealthCheckService");
        assertThatThrownBy(() -> runbook.resolve(Map.of())).hasMessageContaining("needs the parameter region");
        assertThatThrownBy(() -> runbook.resolve(Map.of("region", "OH", "regoin", "x"))).hasMessageContaining("has no parameter regoin");
    }

    @Test
    void aMalformedRunbookIsRefusedWithItsFileLineAndReason() {
        assertThatThrownBy(() -> parse("""
                name: update
                steps:
                  - manual: Look.
                  - operation: s3.copy
                    check: region-row
                """)).hasMessage("update.yaml line 4, steps[1]: a step is one thing, not operation and check; split it into 2 steps");
        assertThatThrownBy(() -> parse("""
                name: update
                steps:
                  - manual: Look.
                  - operation: s3.kopy
                """)).hasMessage("update.yaml line 4, steps[1].operation: Capstan has no operation 's3.kopy' a runbook can start; it has s3.copy, service.restart.");
        assertThatThrownBy(() -> parse("""
                name: update
                steps:
                  - check: region-row
                    with:
                      region: ${regoin}
                """)).hasMessage("update.yaml line 5, steps[0].with.region: ${regoin} names no parameter of this runbook; declare it under parameters: or fix the name");
        assertThatThrownBy(() -> parse("""
                name: update
                stepz:
                  - manual: x
                """)).hasMessageStartingWith("update.yaml line 2, stepz: unknown key 'stepz'");
        assertThatThrownBy(() -> parse("name: update\n")).hasMessage("update.yaml line 1, steps: is missing or empty; list the steps, each a manual, operation or check");
        assertThatThrownBy(() -> parse("name: update\nsteps: [\n")).hasMessageStartingWith("update.yaml line 2: not valid YAML");
    }
}
