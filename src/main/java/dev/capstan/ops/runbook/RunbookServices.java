package dev.capstan.ops.runbook;

import dev.capstan.config.RunbookLoader;
import dev.capstan.ops.Runner;
import dev.capstan.ops.verify.Checks;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a runbook run works through: the runner its operation steps start their runs on (supplied late,
 * since the runner's catalogue holds the runbook factory itself), the operations and checks it may call,
 * who attends it, and the loader that reads its journaled definition back.
 */
public record RunbookServices(Supplier<Runner> runner, OperationCalls operations, Checks checks, Attendants attendants, Clock clock) {
    public RunbookLoader loader() {
        return new RunbookLoader(operations.names(), checks.kinds());
    }
}
