package dev.capstan.ops.runbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console the runbook resume test kills: it walks a runbook, ticking manual steps, and halts right
 * after the named step is journaled done. Arguments: runs folder, AWS config, AWS credentials, the
 * environment as JSON, the runbook's YAML, the step to die after.
 */
public final class RunbookChild {
    private RunbookChild() {
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[1]), Path.of(args[2]));
        Environment environment = new ObjectMapper().readValue(args[3], Environment.class);
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn());
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host")) {
            engine.attendants.attend(new TickingAttendant());
            var entry = new RunbookCatalog.Entry(engine.runbooks.services().loader().parse(Path.of("test.yaml"), args[4], "test"), args[4]);
            RunbookRun run = engine.runbooks.run(entry, environment, Map.of());
            RunListener killer = new RunListener() {
                @Override
                public void stepDone(PlannedStep step, String summary) {
                    if (step.id().equals(args[5])) {
                        Runtime.getRuntime().halt(137);
                    }
                }
            };
            engine.runner.start(run, engine.runner.plan(run), Decision.yes(), killer).finished().get(5, TimeUnit.MINUTES);
            System.out.println("finished without dying");
        }
    }
}
