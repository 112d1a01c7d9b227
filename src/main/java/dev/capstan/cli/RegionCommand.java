package dev.capstan.cli;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.publish.RegionOverview;
import dev.capstan.ops.publish.Sizes;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "region", description = "region_config rows and region data publishing.")
final class RegionCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "Every region_config row, what its URI holds on S3, and its backups.")
    int list() {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        try {
            List<RegionOverview> rows = root.services().operations().regionData().overview(environment);
            PrintWriter out = spec.commandLine().getOut();
            if (root.output == CapstanCommand.Output.json) {
                Printer.json(out, rows);
                return 0;
            }
            for (RegionOverview r : rows) {
                out.printf("%-8s %-60s version %s%n", r.row().region(), r.row().s3Uri(), r.row().version());
                out.println(r.problem() != null ? "         S3: " + r.problem()
                        : "         " + Sizes.count(r.objects()) + " objects, " + Sizes.bytes(r.bytes()) + (r.backups().isEmpty() ? ", no backups"
                        : ", backups: " + String.join(", ", r.backups())));
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            return new OperationDriver(root, spec).refused(e);
        }
    }

    @Starts("region.set-uri")
    @Command(name = "set-uri", description = "Set region_config.s3_uri (meant for staging; production asks for its name and warns).")
    int setUri(@Option(names = "--region", required = true) String region, @Option(names = "--uri", required = true, paramLabel = "S3URI") String uri) {
        return drive(root, spec, data -> data.setUri(environment(), region, uri));
    }

    @Starts("region.bump-version")
    @Command(name = "bump-version", description = "Move region_config.version on so caches refresh (the next number, or now).")
    int bumpVersion(@Option(names = "--region", required = true) String region,
                    @Option(names = "--version") String version) {
        return drive(root, spec, data -> data.bumpVersion(environment(), region, version));
    }

    @Starts("region.publish")
    @Command(name = "publish", description = "Back up the region's URI, copy the new data over it, verify, bump its version.")
    int publish(@Option(names = "--region", required = true) String region, @Option(names = "--from", required = true, paramLabel = "S3URI") String from,
                @Option(names = "--mirror") boolean mirror) {
        return drive(root, spec, data -> data.publish(environment(), region, from, mirror));
    }

    private Environment environment() {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            throw new S3Command.NoEnvironment();
        }
        return environment;
    }

    /** Builds the operation (bad input exits 2, with the reason), then plans, confirms and runs it. */
    static int drive(CapstanCommand root, CommandSpec spec, Function<RegionData, Operation> build) {
        OperationDriver driver = new OperationDriver(root, spec);
        Operation operation;
        try {
            operation = build.apply(root.services().operations().regionData());
        } catch (S3Command.NoEnvironment e) {
            return 2;
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        } catch (RuntimeException e) {
            return driver.refused(e);
        }
        return driver.run(operation);
    }
}
