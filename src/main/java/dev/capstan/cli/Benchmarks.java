package dev.capstan.cli;

import java.io.PrintWriter;

/** The benchmarks the README documents; the composition root supplies them, as they start moto. */
public interface Benchmarks {
    int clusterRefresh(int services, int tasksPerService, int refreshes, PrintWriter out) throws Exception;

    int logs(PrintWriter out) throws Exception;

    /** Whole-process {@code capstan runs list} over a folder of {@code runs} journals against one journal. */
    int history(int runs, int rounds, PrintWriter out) throws Exception;

    /** @param server s3proxy or moto; @param s3proxyJar null for the one Maven keeps */
    int s3Backup(String server, int objects, int rounds, long delayMillis, java.nio.file.Path s3proxyJar, PrintWriter out) throws Exception;

    /** Whole-process start-up: java -version, capstan --version, read-only commands, the console to its window. */
    int startup(int rounds, PrintWriter out) throws Exception;
}
