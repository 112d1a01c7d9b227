package dev.capstan.ops.bluegreen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console the deploy resume tests kill: it runs a deploy and halts right after the named
 * step is journaled done. Arguments: runs folder, AWS config, AWS credentials, the environment as JSON,
 * the operation's parameters as JSON, the step to die after, and the operation type (default: the blue/green deploy).
 */
public final class DeployChild {
    private DeployChild() {
    }

    /**
     * Runs the operation in a child console that halts right after {@code step}, and returns once the child has died as a killed
     * process does (exit 137); its output is in {@code dir/child.log}.
     */
    public static void killedAfter(String step, String type, Path dir, Path runs, dev.capstan.testworld.MotoWorld moto, Environment environment,
                                   Map<String, String> parameters) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DeployChild.class.getName(), runs.toString(), moto.awsConfig().toString(),
                moto.awsCredentials().toString(), new ObjectMapper().writeValueAsString(environment), new ObjectMapper().writeValueAsString(parameters),
                step, type)
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child console did not stop after " + step + ": " + java.nio.file.Files.readString(dir.resolve("child.log")));
        }
        if (child.exitValue() != 137) {
            throw new AssertionError("the child console exited " + child.exitValue() + ", not killed after " + step + ": "
                    + java.nio.file.Files.readString(dir.resolve("child.log")));
        }
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[1]), Path.of(args[2]));
        ObjectMapper json = new ObjectMapper();
        Environment environment = json.readValue(args[3], Environment.class);
        Map<String, String> parameters = json.readValue(args[4], new TypeReference<Map<String, String>>() { });
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn());
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host")) {
            String type = args.length > 6 ? args[6] : dev.capstan.ops.bluegreen.BlueGreenDeploy.TYPE;
            Operation deploy = engine.fromFlat(type, environment, parameters);
            RunListener killer = new RunListener() {
                @Override
                public void stepDone(PlannedStep step, String summary) {
                    if (step.id().equals(args[5])) {
                        Runtime.getRuntime().halt(137);
                    }
                }
            };
            engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), killer).finished().get(5, TimeUnit.MINUTES);
            System.out.println("finished without dying");
        }
    }
}
