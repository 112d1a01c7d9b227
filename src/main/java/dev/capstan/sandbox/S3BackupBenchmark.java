package dev.capstan.sandbox;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.SdkS3Gateway;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.S3Uri;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs up one region prefix of mixed small objects with Capstan's CLI and with {@code aws s3 cp
 * --recursive}, each a whole process, against the same server (S3Proxy behind a 50 ms delay, or moto),
 * in interleaved rounds after a warm-up, and prints the median times and their ratio.
 */
public final class S3BackupBenchmark {
    public enum Server { S3PROXY, MOTO }

    private static final String BUCKET = "bench-region-data";
    private static final String PREFIX = "regions/BENCH/2025-01-01";
    private static final String REGION = "us-east-1";
    private final Server server;
    private final int objects;
    private final int rounds;
    private final long delayMillis;
    private final Path s3proxyJar;
    private final PrintWriter out;

    public S3BackupBenchmark(Server server, int objects, int rounds, long delayMillis, Path s3proxyJar, PrintWriter out) {
        this.server = server;
        this.objects = objects;
        this.rounds = rounds;
        this.delayMillis = delayMillis;
        this.s3proxyJar = s3proxyJar;
        this.out = out;
    }

    public int run() throws Exception {
        Path dir = Files.createTempDirectory("capstan-bench-s3-");
        try {
            if (server == Server.MOTO) {
                try (MotoServer moto = MotoServer.start(dir.resolve("moto.log"))) {
                    return measure(dir, moto.endpoint(), moto.endpoint(), "testing", "testing-secret");
                }
            }
            try (S3ProxyServer s3proxy = S3ProxyServer.start(s3proxyJar, dir.resolve("s3proxy"));
                 DelayProxy delayed = new DelayProxy(s3proxy.port(), delayMillis)) {
                return measure(dir, s3proxy.endpoint(), "http://127.0.0.1:" + delayed.port(), S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL);
            }
        } finally {
            Trees.delete(dir);
        }
    }

    /** @param direct where the objects are seeded; @param timed where both clients are pointed */
    private int measure(Path dir, String direct, String timed, String key, String secret) throws Exception {
        Path config = dir.resolve("aws-config");
        Path credentials = dir.resolve("aws-credentials");
        Files.writeString(config, "[profile bench]\nregion = " + REGION + "\nendpoint_url = " + timed + "\nrequest_checksum_calculation = when_required\n"
                + "response_checksum_validation = when_required\n\n[profile direct]\nregion = " + REGION + "\nendpoint_url = " + direct + "\n");
        Files.writeString(credentials, "[bench]\naws_access_key_id = " + key + "\naws_secret_access_key = " + secret + "\n\n[direct]\n"
                + "aws_access_key_id = " + key + "\naws_secret_access_key = " + secret + "\n");
        ProfileCatalog catalog = new ProfileCatalog(config, credentials);
        S3Uri source = new S3Uri(BUCKET, PREFIX);
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn())) {
            out.printf(Locale.ROOT, "Seeding %,d objects (200 B / 2 KB / 20 KB) into %s on %s…%n", objects, source, server);
            out.flush();
            new EstateSeeder(clients, new AwsTarget("direct", REGION, direct)).benchObjects(BUCKET, PREFIX, objects);
            Path workspace = dir.resolve("capstan.yaml");
            new WorkspaceWriter().write(workspace, "S3 backup benchmark", List.of(new Environment("s3-bench", "bench", REGION, timed, false, false,
                    "bench-cluster", null, null, null, null, null, null, null, null, null, null, null)));
            Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                    "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString());
            out.println("Timing " + capstanCommand(workspace, source).get(0) + " and aws-cli, whole processes.");
            List<Long> capstan = new ArrayList<>();
            List<Long> awsCli = new ArrayList<>();
            SdkS3Gateway s3 = new SdkS3Gateway(clients);
            AwsTarget check = new AwsTarget("direct", REGION, direct);
            for (int round = 0; round <= rounds; round++) {
                boolean warmUp = round == 0;
                long c = CapstanProcess.time(capstanCommand(workspace, source), env, dir.resolve("capstan-" + round + ".log"));
                S3Uri awsTarget = source.withSuffix("-awscli-" + round);
                long a = CapstanProcess.time(List.of("aws", "s3", "cp", "--recursive", "--quiet", "--profile", "bench", "--endpoint-url", timed,
                        source.toString(), awsTarget.toString()), env, dir.resolve("awscli-" + round + ".log"));
                requireCopied(s3, check, awsTarget, "aws-cli round " + round);
                out.printf(Locale.ROOT, "%s %d: capstan %.2f s, aws-cli %.2f s%n", warmUp ? "warm-up" : "round", round, c / 1e9, a / 1e9);
                out.flush();
                if (!warmUp) {
                    capstan.add(c);
                    awsCli.add(a);
                }
            }
            List<S3Uri> backups = s3.backupsOf(check, source);
            if (backups.size() != rounds + 1) {
                throw new IllegalStateException("Expected " + (rounds + 1) + " Capstan backups, found " + backups.size());
            }
            for (S3Uri backup : backups) {
                requireCopied(s3, check, backup, "capstan " + backup);
            }
            out.println();
            out.println("The last Capstan run's own account:");
            Files.readAllLines(dir.resolve("capstan-" + rounds + ".log")).stream().filter(l -> !l.startsWith("             "))
                    .forEach(l -> out.println("  " + l));
            double cm = CapstanProcess.median(capstan) / 1e9;
            double am = CapstanProcess.median(awsCli) / 1e9;
            out.printf(Locale.ROOT, "%nmedian of %d rounds, %,d objects, %s%s:%n  capstan s3 backup      %.2f s%n  aws s3 cp --recursive  %.2f s%n"
                    + "  ratio capstan / aws-cli  %.2f%n", rounds, objects, server, server == Server.S3PROXY ? " behind " + delayMillis + " ms" : "",
                    cm, am, cm / am);
            out.flush();
            return 0;
        }
    }

    private void requireCopied(SdkS3Gateway s3, AwsTarget target, S3Uri copy, String what) {
        int found = s3.list(target, copy).objects().size();
        if (found != objects) {
            throw new IllegalStateException(what + " left " + found + " objects at " + copy + ", not " + objects + "; see the logs.");
        }
    }

    private static List<String> capstanCommand(Path workspace, S3Uri source) {
        return CapstanProcess.command(List.of("--workspace", workspace.toString(), "--env", "s3-bench", "--yes", "s3", "backup",
                "--uri", source.toString()));
    }
}
