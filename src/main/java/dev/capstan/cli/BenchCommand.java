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
        return root.services.benchmarks().clusterRefresh(services, tasks, refreshes, spec.commandLine().getOut());
    }

    @Command(name = "logs", description = "Log view figures: ingestion rate, FX frame times at 5,000 lines/s (needs a display), heap for 100,000 lines.")
    int logs() throws Exception {
        return root.services.benchmarks().logs(spec.commandLine().getOut());
    }
}
