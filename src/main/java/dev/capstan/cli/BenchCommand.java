package dev.capstan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Measure Capstan against a local moto_server (see the README for the figures).")
final class BenchCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Command(name = "clusters", description = "AWS calls and time for one full refresh of a wide cluster. Exit 1 if calls exceed the minimum.")
    int clusters(@Option(names = "--services", defaultValue = "40") int services,
                 @Option(names = "--tasks-per-service", defaultValue = "10") int tasks,
                 @Option(names = "--refreshes", defaultValue = "5") int refreshes) throws Exception {
        return root.services().benchmarks().clusterRefresh(services, tasks, refreshes, spec.commandLine().getOut());
    }

    @Command(name = "logs", description = "Log view figures: ingestion rate, FX frame times at 5,000 lines/s (needs a display), heap for 100,000 lines.")
    int logs() throws Exception {
        return root.services().benchmarks().logs(spec.commandLine().getOut());
    }

    @Command(name = "history", description = "Whole-process time of capstan runs list over a year of journals against one journal. "
            + "Exit 1 if the ratio is above the README's target.")
    int history(@Option(names = "--runs", defaultValue = "5000") int runs,
                @Option(names = "--rounds", defaultValue = "5") int rounds) throws Exception {
        return root.services().benchmarks().history(runs, rounds, spec.commandLine().getOut());
    }

    @Command(name = "s3-backup", description = "Back up a prefix of mixed small objects with capstan and with aws s3 cp --recursive; print both times and the ratio.")
    int s3Backup(@Option(names = "--server", defaultValue = "s3proxy", paramLabel = "s3proxy|moto") String server,
                 @Option(names = "--objects", defaultValue = "2000") int objects,
                 @Option(names = "--rounds", defaultValue = "3") int rounds,
                 @Option(names = "--delay-ms", defaultValue = "50", description = "Latency added to every request to S3Proxy (default ${DEFAULT-VALUE}).")
                 long delay,
                 @Option(names = "--s3proxy-jar", paramLabel = "FILE") java.nio.file.Path jar) throws Exception {
        return root.services().benchmarks().s3Backup(server, objects, rounds, delay, jar, spec.commandLine().getOut());
    }

    @Command(name = "startup", description = "Whole-process start-up, median of several runs, beside java -version: capstan --version, "
            + "read-only commands, the console to its window (on $DISPLAY or an Xvfb of its own). Exit 1 if a target is missed.")
    int startup(@Option(names = "--rounds", defaultValue = "7") int rounds) throws Exception {
        return root.services().benchmarks().startup(rounds, spec.commandLine().getOut());
    }
}
