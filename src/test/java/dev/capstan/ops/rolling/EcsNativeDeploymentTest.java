package dev.capstan.ops.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceDeploymentState;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;

/**
 * ECS's own canary deployment (deploymentConfiguration.strategy CANARY), recorded by the project's moto launcher as ECS records
 * service deployments: a deploy is UpdateService as for rolling; the Deploys page reads its lifecycle stage and the traffic
 * shifted; Stop and roll back asks ECS to stop it (StopServiceDeployment with ROLLBACK) and watches the old revision come back.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class EcsNativeDeploymentTest {
    @TempDir
    Path dir;

    @Test
    void aCanaryDeploymentIsShownByStageAndStoppedBackToTheRevisionItReplaces(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, TestEstate.spec("canary"));
        moto.clients().ecs(moto.target()).updateService(r -> r.cluster(env.cluster()).service(env.service()).deploymentConfiguration(c -> c
                .strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(10).canaryConfiguration(k -> k.canaryPercent(10.0).canaryBakeTimeInMinutes(5))));
        try (SchedulerLoop scheduler = SchedulerLoop.start(moto, env.cluster());
             EngineWorld engine = new EngineWorld(moto, dir.resolve("runs"))) {
            String before = engine.rolling.rollout(env).taskDefinition();
            RollingDeploy deploy = engine.rolling.deploy(env, "c4nary", Duration.ofMinutes(2));
            RunHandle deploying = engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), RunListener.NONE);

            Eventually.waitFor(() -> engine.rolling.picture(env).serviceDeployment().map(ServiceDeploymentState::stage)
                    .filter("PRODUCTION_TRAFFIC_SHIFT"::equals).isPresent());
            RollingPicture picture = engine.rolling.picture(env);
            assertThat(picture.rollout().strategy().describe()).isEqualTo("CANARY 10% (5 min), bake 10 min");
            ServiceDeploymentState canary = picture.serviceDeployment().orElseThrow();
            assertThat(canary.status()).isEqualTo("IN_PROGRESS");
            assertThat(canary.sourceTaskDefinition()).isEqualTo(before);
            assertThat(canary.trafficShifted(picture.rollout().strategy())).isEqualTo("10% (the canary); the rest after 5 min");
            assertThat(deploying.finished()).as("the deploy waits for ECS to finish the canary").isNotDone();

            deploying.cancel("stopped to roll back");
            assertThat(deploying.finished().get(1, TimeUnit.MINUTES).outcome()).isNotEqualTo(RunOutcome.SUCCEEDED);
            dev.capstan.ops.Operation stop = engine.deploys.stop(env, Duration.ofMinutes(1));
            RunRecord stopped = engine.runner.start(stop, engine.runner.plan(stop), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

            assertThat(stopped.outcome()).as(stopped.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(stopped.steps()).extracting(s -> s.summary()).anyMatch(s -> s != null && s.contains("StopServiceDeployment with ROLLBACK"));
            assertThat(engine.rolling.rollout(env).taskDefinition()).isEqualTo(before);
            Eventually.waitFor(() -> engine.rolling.picture(env).serviceDeployment().map(ServiceDeploymentState::status)
                    .filter("ROLLBACK_SUCCESSFUL"::equals).isPresent());
        }
    }
}
