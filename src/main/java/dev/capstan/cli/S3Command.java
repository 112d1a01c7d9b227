package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.publish.RegionData;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "s3", description = "Region data on S3: server-side backups, copies and restores, verified.")
final class S3Command {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Starts("s3.backup")
    @Command(name = "backup", description = "Copy URI to URI-backup-<yyyy-mm-dd> (a second one the same day gets -2), then verify it.")
    int backup(@Option(names = "--uri", required = true, paramLabel = "S3URI") String uri) {
        return run(data -> data.backup(environment(), uri));
    }

    @Starts("s3.copy")
    @Command(name = "copy", description = "Copy new data over a location; refused unless a verified backup of it exists (made first when --backup is left out).")
    int copy(@Option(names = "--from", required = true, paramLabel = "S3URI") String from,
             @Option(names = "--to", required = true, paramLabel = "S3URI") String to,
             @Option(names = "--backup", paramLabel = "S3URI") String backup,
             @Option(names = "--mirror") boolean mirror) {
        return run(data -> data.copyOver(environment(), from, to, backup, mirror));
    }

    @Starts("s3.restore")
    @Command(name = "restore", description = "Copy a backup back over its location: the rollback of a data publish.")
    int restore(@Option(names = "--backup", required = true, paramLabel = "S3URI") String backup,
                @Option(names = "--to", required = true, paramLabel = "S3URI") String to,
                @Option(names = "--mirror") boolean mirror) {
        return run(data -> data.restore(environment(), backup, to, mirror));
    }

    private Environment environment() {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            throw new NoEnvironment();
        }
        return environment;
    }

    private int run(Function<RegionData, Operation> operation) {
        return RegionCommand.drive(root, spec, operation);
    }

    /** WorkspaceAccess has already said what is wrong. */
    static final class NoEnvironment extends RuntimeException {
    }
}
