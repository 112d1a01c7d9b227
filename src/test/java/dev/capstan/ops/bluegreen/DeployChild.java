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
