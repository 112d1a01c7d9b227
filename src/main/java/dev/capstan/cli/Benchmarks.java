package dev.capstan.cli;

import java.io.PrintWriter;

/** The benchmarks the README documents; the composition root supplies them, as they start moto. */
public interface Benchmarks {
    int clusterRefresh(int services, int tasksPerService, int refreshes, PrintWriter out) throws Exception;

    int logs(PrintWriter out) throws Exception;
}
