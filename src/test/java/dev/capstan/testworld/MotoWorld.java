package dev.capstan.testworld;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.FaultInjector;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.sandbox.TaskEndings;
import dev.capstan.domain.AwsTarget;
import dev.capstan.sandbox.MotoServer;
import dev.capstan.sandbox.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A moto_server for one test class, an AWS profile aimed at it (written to real config files, read by
 * the SDK's parser), and clients built the way the app builds them, with a fault injector in the chain.
 */
public final class MotoWorld implements AutoCloseable {
    public static final String PROFILE = "moto";
    public static final String REGION = "us-east-1";
    private final MotoServer server;
    private final Path home;
    private final ProfileCatalog catalog;
    private final FaultInjector faults = new FaultInjector();
    private final TaskEndings taskEndings = new TaskEndings();
    private final TargetHealthFaults targetHealth = new TargetHealthFaults();
    private final TaskStartTimes taskStarts = new TaskStartTimes();
    private final WireGate wireGate = new WireGate();
    private final ServiceDeploymentsStandIn serviceDeployments = new ServiceDeploymentsStandIn();
    private final dev.capstan.aws.CallCounter calls = new dev.capstan.aws.CallCounter();
    private final AwsClients clients;

    MotoWorld(Path home) throws IOException {
        this.home = home;
        this.server = MotoServer.start(home.resolve("moto.log"));
        Files.createDirectories(home.resolve("aws"));
        Files.writeString(awsConfig(), "[profile " + PROFILE + "]\nregion = " + REGION + "\nendpoint_url = " + server.endpoint() + "\n\n"
                + "[profile no-region]\nendpoint_url = " + server.endpoint() + "\n");
        Files.writeString(awsCredentials(), "[" + PROFILE + "]\naws_access_key_id = testing\naws_secret_access_key = testing-secret\n\n"
                + "[no-region]\naws_access_key_id = testing\naws_secret_access_key = testing-secret\n");
        this.catalog = new ProfileCatalog(awsConfig(), awsCredentials());
        this.clients = new AwsClients(catalog, harness(AwsClientSettings.forLocalStandIn()));
    }

    /** The settings with the harness's interceptors (what moto lacks, and the test's counters) in their chain. */
    private AwsClientSettings harness(AwsClientSettings settings) {
        return settings.withInterceptor(faults).withInterceptor(taskEndings).withInterceptor(targetHealth).withInterceptor(taskStarts)
                .withInterceptor(serviceDeployments).withInterceptor(calls);
    }

    /**
     * Clients built exactly as Capstan builds them for AWS (the SDK's three attempts, its standard backoff), with the harness's
     * interceptors: for a test that puts a {@link FaultProxy} between them and moto. The caller closes them.
     */
    public AwsClients clientsAsForAws() {
        return new AwsClients(catalog, harness(AwsClientSettings.forAws()));
    }

    public String endpoint() {
        return server.endpoint();
    }

    public AwsTarget target() {
        return new AwsTarget(PROFILE, REGION, server.endpoint());
    }

    public Path awsConfig() {
        return home.resolve("aws/config");
    }

    public Path awsCredentials() {
        return home.resolve("aws/credentials");
    }

    public Path home() {
        return home;
    }

    public ProfileCatalog catalog() {
        return catalog;
    }

    public AwsClients clients() {
        return clients;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** ECS's service deployment calls, which moto lacks: off until a test says what ECS reports. */
    public ServiceDeploymentsStandIn serviceDeployments() {
        return serviceDeployments;
    }

    public TaskEndings taskEndings() {
        return taskEndings;
    }

    /** Holds one region's or one operation's requests on demand; the console fixture's clients have it in their chain. */
    public WireGate wireGate() {
        return wireGate;
    }

    /** The same profile and endpoint, in another region of the same moto (its own clusters, buckets and tables). */
    /** What the named CodeDeploy hook function reports when a deployment invokes it: Succeeded (the default) or Failed. */
    public void hookOutcome(String function, String outcome) {
        server.hookOutcome(function, outcome);
    }

    /** Every request the clients sent, by operation: a test counts the ones that could change something. */
    public dev.capstan.aws.CallCounter calls() {
        return calls;
    }

    public AwsTarget target(String region) {
        return new AwsTarget(PROFILE, region, server.endpoint());
    }

    public TargetHealthFaults targetHealth() {
        return targetHealth;
    }

    void reset() {
        wireGate.release();
        faults.clear();
        targetHealth.clear();
        taskStarts.clear();
        taskEndings.clear();
        serviceDeployments.clear();
        server.reset();
    }

    @Override
    public void close() {
        clients.close();
        server.close();
        try {
            Trees.delete(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test world's folder " + home, e);
        }
    }
}
