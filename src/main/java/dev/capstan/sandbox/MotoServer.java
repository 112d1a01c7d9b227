package dev.capstan.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A moto_server process on a free loopback port: the AWS stand-in for the sandbox and the tests. It starts through
 * {@code capstan_moto.py}, which patches into moto what it lacks of CodeDeploy and of ECS's service deployments (see its
 * header) before serving. Closing it stops the process.
 */
public final class MotoServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private final Process process;
    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    private static final String LAUNCHER = "capstan_moto.py";

    public static MotoServer start(Path logFile) throws IOException {
        int port = freePort();
        Path launcher = logFile.resolveSibling(LAUNCHER);
        try (InputStream in = MotoServer.class.getResourceAsStream(LAUNCHER)) {
            Files.copy(Objects.requireNonNull(in, LAUNCHER + " is missing from the build"), launcher, StandardCopyOption.REPLACE_EXISTING);
        }
        Process process;
        try {
            process = new ProcessBuilder("python3", launcher.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("python3 could not be started to run moto_server (" + e.getMessage() + "); install Python 3 and "
                    + "pip install 'moto[server]==5.2.1'", e);
        }
        MotoServer server = new MotoServer(process, "http://127.0.0.1:" + port);
        server.awaitReady(logFile);
        server.manualTaskTransitions();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Path logFile) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited at start with code " + process.exitValue() + ": " + lastLine(logFile));
            }
            try {
                if (get("/moto-api/data.json") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(150);
        }
        close();
        throw new IOException("moto_server did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    private static String lastLine(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return lines.isEmpty() ? "see " + logFile : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "see " + logFile;
        }
    }

    /**
     * How the stand-in's CodeDeploy moves: each look at a deployment takes one step, at most one every {@code seconds}
     * (0 in the tests, which drive it by looking; a couple of seconds in the sandbox, so a person sees it move).
     */
    public void codeDeployPace(double seconds) {
        post("/moto-api/capstan/codedeploy", "{\"secondsPerStep\":" + seconds + "}");
    }

    /** What the named hook function reports when CodeDeploy invokes it: Succeeded (the default) or Failed. */
    public void hookOutcome(String function, String outcome) {
        post("/moto-api/capstan/codedeploy", "{\"hookOutcomes\":{\"" + function + "\":\"" + outcome + "\"}}");
    }

    public String endpoint() {
        return endpoint;
    }

    /** Forgets every resource, as if the server had just started. */
    public void reset() {
        post("/moto-api/reset", "");
        manualTaskTransitions();
    }

    /**
     * Left alone, moto moves a task one lifecycle step per DescribeTasks until it is STOPPED. ECS tasks
     * stay RUNNING until something stops them, so tasks here advance only when asked.
     */
    private void manualTaskTransitions() {
        post("/moto-api/state-manager/set-transition",
                "{\"model_name\":\"ecs::task\",\"transition\":{\"progression\":\"manual\",\"times\":1000000}}");
    }

    private int get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void post(String path, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("moto " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
