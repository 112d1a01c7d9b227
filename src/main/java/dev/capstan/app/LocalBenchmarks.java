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

    @Override
    public int history(int runs, int rounds, PrintWriter out) throws Exception {
        return new dev.capstan.sandbox.HistoryBenchmark(runs, rounds, out).run();
    }

    @Override
    public int s3Backup(String server, int objects, int rounds, long delayMillis, java.nio.file.Path s3proxyJar, PrintWriter out) throws Exception {
        dev.capstan.sandbox.S3BackupBenchmark.Server which;
        try {
            which = dev.capstan.sandbox.S3BackupBenchmark.Server.valueOf(server.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server " + server + " is not known; use s3proxy or moto.");
        }
        return new dev.capstan.sandbox.S3BackupBenchmark(which, objects, rounds, delayMillis,
                s3proxyJar != null ? s3proxyJar : dev.capstan.sandbox.S3ProxyServer.defaultJar(), out).run();
    }

    @Override
    public int startup(int rounds, PrintWriter out) throws Exception {
        return new dev.capstan.sandbox.StartupBenchmark(rounds, out).run();
    }
}
