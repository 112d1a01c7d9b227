package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LockRecord;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.lock.LockSpot;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lock", description = "The environment's deploy lock: who holds it, release it, create its table.")
final class LockCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    private DeployLock lock() {
        return root.services().operations().lock();
    }

    /** The lock's place, or null after saying what is missing. */
    private LockSpot spot(Environment environment) {
        if (environment.lockTable() == null) {
            spec.commandLine().getErr().println("capstan: environment " + environment.name() + " names no lockTable; add one to use a deploy lock.");
            return null;
        }
        return LockSpot.of(environment, root.services().operations().targets().of(environment)).orElseThrow();
    }

    @Command(name = "status", description = "Who holds the deploy lock, since when and for which run. Exit 0 free, 3 held.")
    int status() {
        return onLock((environment, spot) -> {
            PrintWriter out = spec.commandLine().getOut();
            if (!lock().tableExists(spot)) {
                spec.commandLine().getErr().println("capstan: the lock table " + spot.table() + " does not exist; create it with capstan lock create-table --env "
                        + environment.name() + ".");
                return 1;
            }
            Optional<LockRecord> held = lock().status(spot);
            if (root.output == CapstanCommand.Output.json) {
                Printer.json(out, held.map(h -> (Object) h).orElse(java.util.Map.of("key", spot.key(), "free", true)));
            } else {
                out.println(held.map(h -> spot.key() + " is held by " + h.owner() + " for run " + h.runId() + " (" + h.operation() + ") since "
                        + h.acquiredAt() + "; last heartbeat " + h.heartbeatAt() + " by its clock").orElse(spot.key() + " is free."));
            }
            return held.isPresent() ? 3 : 0;
        });
    }

    @Command(name = "release", description = "Free the deploy lock whoever holds it (journaled). Needs --force.")
    int release(@Option(names = "--force", description = "Yes, free a lock that another run may hold.") boolean force) {
        if (!force) {
            spec.commandLine().getErr().println("capstan: releasing takes the lock from whoever holds it; if you know its process is gone, add --force.");
            return 2;
        }
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        try {
            return driver.run(root.services().operations().forceReleaseLock(environment));
        } catch (IllegalArgumentException e) {
            return driver.refused(e);
        }
    }

    @Command(name = "create-table", description = "Create the DynamoDB table the environment names for its deploy lock.")
    int createTable() {
        return onLock((environment, spot) -> {
            if (lock().tableExists(spot)) {
                spec.commandLine().getOut().println("The lock table " + spot.table() + " already exists.");
                return 0;
            }
            lock().createTable(spot);
            spec.commandLine().getOut().println("Created the lock table " + spot.table() + " in " + spot.target().region() + ".");
            return 0;
        });
    }

    /** Runs a lock command on --env's lock: exit 2 when the environment or its lockTable is missing, 1 with a sentence when AWS fails. */
    private int onLock(java.util.function.BiFunction<Environment, LockSpot, Integer> command) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        try {
            LockSpot spot = spot(environment);
            return spot == null ? 2 : command.apply(environment, spot);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("capstan: " + CliWords.sentence(e));
            return 1;
        }
    }
}
