package dev.capstan.sandbox;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy with its in-memory (jclouds transient) store, in a process of its own: a multi-threaded S3
 * that copies server-side, for measuring a fast client where moto cannot (it serves about 165 requests a second).
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String IDENTITY = "bench";
    public static final String CREDENTIAL = "bench-secret";
    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The jar Maven keeps once {@code mvn dependency:get -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies} has run. */
    public static Path defaultJar() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", "2.6.0",
                "s3proxy-2.6.0-jar-with-dependencies.jar");
    }

    public static S3ProxyServer start(Path jar, Path directory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy is not at " + jar + "; fetch it once with: "
                    + "mvn dependency:get -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies (or pass --s3proxy-jar FILE)");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(directory);
        Path properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, "s3proxy.endpoint=http://127.0.0.1:" + port + "\n"
                + "s3proxy.authorization=aws-v2-or-v4\ns3proxy.identity=" + IDENTITY + "\ns3proxy.credential=" + CREDENTIAL + "\n"
                + "jclouds.provider=transient\njclouds.identity=" + IDENTITY + "\njclouds.credential=" + CREDENTIAL + "\n");
        Path logback = directory.resolve("s3proxy-logback.xml");
        Files.writeString(logback, "<configuration><root level=\"WARN\"/></configuration>\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback, "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, port);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped while starting (exit " + process.exitValue() + "); see its log.");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("S3Proxy did not answer within 60 s.");
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
