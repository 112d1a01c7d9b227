package dev.capstan.ops.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The process the resume test kills half-way through a copy. Arguments: runs folder, AWS config, AWS
 * credentials, endpoint, the operation's type and its parameters as JSON.
 */
public final class BackupChild {
    private BackupChild() {
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[1]), Path.of(args[2]));
        Map<String, String> parameters = new ObjectMapper().readValue(args[5], new TypeReference<Map<String, String>>() { });
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn());
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host")) {
            Operation operation = engine.regionData.factories().stream().filter(f -> f.type().equals(args[4])).findFirst().orElseThrow()
                    .create(EngineWorld.plainEnvironment("copy-crash", args[3], false, null), parameters);
            engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(5, TimeUnit.MINUTES);
        }
    }
}
