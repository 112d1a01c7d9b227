package dev.capstan.app;

import dev.capstan.cli.Benchmarks;
import dev.capstan.sandbox.ClusterRefreshBenchmark;
import java.io.PrintWriter;

/** The README's benchmarks, each against its own local moto_server. */
public final class LocalBenchmarks implements Benchmarks {
    @Override
    public int clusterRefresh(int services, int tasksPerService, int refreshes, PrintWriter out) throws Exception {
        return ClusterRefreshBenchmark.run(services, tasksPerService, refreshes, out);
    }

    @Override
    public int logs(PrintWriter out) throws Exception {
        return LogBenchmark.run(out);
    }
}
