package dev.capstan.ops.restart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.FaultInjector;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunListener;
import java.nio.file.Path;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console the restart resume test kills: it runs a restart wired as the app wires it and dies
 * (halt, no shutdown hooks: as good as SIGKILL for the journal and the lock) right after the named step
 * is journaled done, first printing how many StopTask requests it sent; or, given {@code first-stop-task},
 * right after ECS answered its first StopTask, before the step could journal anything. Arguments: runs
 * folder, AWS config, AWS credentials, the environment as JSON, the operation's parameters as JSON, when to die.
 */
public final class RestartChild {
    private RestartChild() {
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[1]), Path.of(args[2]));
        ObjectMapper json = new ObjectMapper();
        Environment environment = json.readValue(args[3], Environment.class);
        Map<String, String> parameters = json.readValue(args[4], new TypeReference<Map<String, String>>() { });
        String dieAfter = args[5];
        FaultInjector counter = new FaultInjector();
        ExecutionInterceptor midStep = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if ("first-stop-task".equals(dieAfter) && context.request() instanceof StopTaskRequest) {
                    die(counter);
                }
            }
        };
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn().withInterceptor(counter).withInterceptor(midStep));
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host", () -> java.util.List.of(environment),
                     java.time.Clock.systemUTC())) {
            Operation restart = engine.fromFlat(RollingRestart.TYPE, environment, parameters);
            RunListener killer = new RunListener() {
                @Override
                public void stepDone(PlannedStep step, String summary) {
                    if (step.id().equals(dieAfter)) {
                        // Killed once what it wrote reached the team's history (where the environment has one), so another console sees it.
                        engine.history.drain(java.time.Duration.ofSeconds(30));
                        die(counter);
                    }
                }
            };
            engine.runner.start(restart, engine.runner.plan(restart), Decision.yes(), killer).finished().get(5, TimeUnit.MINUTES);
            System.out.println("finished without dying");
        }
    }

    private static void die(FaultInjector counter) {
        System.out.println("StopTask sent " + counter.sent("StopTask"));
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
