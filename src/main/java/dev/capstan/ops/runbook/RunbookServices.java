package dev.capstan.ops.runbook;

import dev.capstan.config.RunbookLoader;
import dev.capstan.ops.Runner;
import dev.capstan.ops.verify.Checks;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a runbook run works through: the runner its operation steps start their runs on (supplied late,
 * since the runner's catalogue holds the runbook factory itself), the checks it may run,
 * who attends it, and the loader that reads its journaled definition back.
 */
public record RunbookServices(Supplier<Runner> runner, Checks checks, Attendants attendants, Clock clock) {
    /** The loader checks each operation step's words against the operation's declaration, so a typo fails when the file loads. */
    public RunbookLoader loader() {
        return new RunbookLoader((name, words) -> runner.get().types().problems(name, words), checks.kinds());
    }
}
