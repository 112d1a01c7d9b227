package dev.capstan.ops.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console the resume test kills: it starts a one-off task run, wired as the app wires it, and
 * watches the task. Arguments: runs folder, AWS config, AWS credentials, endpoint, lock table, cluster,
 * the operation's parameters as JSON.
 */
public final class TaskRunChild {
    private TaskRunChild() {
    }

    static Environment environment(String endpoint, String lockTable, String cluster) {
        return new Environment("task-crash", dev.capstan.testworld.MotoWorld.PROFILE, dev.capstan.testworld.MotoWorld.REGION, endpoint,
                false, false, cluster, null, null, null, null, null, null, null, null, lockTable, null, null);
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[1]), Path.of(args[2]));
        Map<String, String> parameters = new ObjectMapper().readValue(args[6], new TypeReference<Map<String, String>>() { });
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn());
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host")) {
            Operation task = engine.fromFlat(OneOffTask.TYPE, environment(args[3], args[4], args[5]), parameters);
            RunRecord run = engine.runner.start(task, engine.runner.plan(task), Decision.yes(), RunListener.NONE).finished().get(5, TimeUnit.MINUTES);
            System.out.println("finished " + run.outcome());
        }
    }
}
