package dev.capstan.cli;

import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.restart.PutCountsBack;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.restart.RollingRestart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Starts("service.restart")
@Command(name = "restart", description = {"Restart a service's tasks without downtime, as teams do by hand in the console: the auto scaling group to its",
        "maximum (EC2 only), the task count up, wait until the new tasks are healthy, stop the old ones, put the counts back."})
final class RestartCommand implements Callable<Integer> {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME")
    String service;
    @Option(names = "--count", paramLabel = "N")
    Integer count;
    @Option(names = "--health-log-pattern", paramLabel = "TEXT")
    String healthLogPattern;
    @Option(names = "--timeout", paramLabel = "DURATION")
    String timeout;
    @Option(names = "--leave-group")
    boolean leaveGroup;
    @Option(names = "--put-back", description = "Put back the counts of the environment's last restart that was cancelled or failed, and end it.")
    boolean putBack;

    @Override
    public Integer call() {
        Environment workspaceEntry = new WorkspaceAccess(root, spec).environment();
        if (workspaceEntry == null) {
            return 2;
        }
        Environment environment = workspaceEntry.withService(service);
        OperationDriver driver = new OperationDriver(root, spec);
        RestartFactory restarts = root.services().operations().restart();
        if (putBack) {
            return putBack(environment, restarts, driver);
        }
        RollingRestart restart;
        try {
            Duration wait = Durations.parse(timeout);
            restart = restarts.restart(environment, count, healthLogPattern, wait, !leaveGroup);
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        } catch (RuntimeException e) {
            return driver.refused(e);
        }
        return driver.run(restart);
    }

    /** A restart that did not finish ends here: the run is marked abandoned so it no longer asks to be resumed, and its counts go back. */
    private int putBack(Environment environment, RestartFactory restarts, OperationDriver driver) {
        var runner = root.services().operations().runner();
        Optional<RunRecord> last = runner.store().latestRecord(environment.name(), List.of(RollingRestart.TYPE));
        if (last.isEmpty() || last.get().outcome() == RunOutcome.SUCCEEDED || last.get().outcome() == RunOutcome.RUNNING
                || last.get().outcome() == RunOutcome.ABANDONED) {
            String why = last.map(r -> "the last restart of " + environment.name() + " (run " + r.id() + ") is " + r.outcome())
                    .orElse("there has been no restart of " + environment.name());
            driver.refused(new IllegalArgumentException("Nothing to put back: " + why + "."));
            return 2;
        }
        PutCountsBack operation;
        try {
            operation = restarts.putBack(last.get(), environment);
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        }
        if (!root.dryRun && last.get().outcome().unfinished()) {
            // Ended first: a dead run's lock is released at once, and a failed put-back is a run of its own to resume.
            runner.abandon(last.get().id(), environment, "its counts are put back by capstan restart --put-back");
        }
        return driver.run(operation);
    }
}
