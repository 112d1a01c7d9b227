package dev.capstan.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.MetricsGateway.Point;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.metrics.GraphPicture.Chart;
import dev.capstan.ops.metrics.GraphPicture.Marker;
import dev.capstan.ops.scale.ScaleService;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** An environment's service graphs from moto's GetMetricData, with the watched run's steps and the environment's other runs marked. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ServiceGraphsTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment environment;

    @BeforeEach
    void setUp(MotoWorld moto) {
        engine = new EngineWorld(moto, dir.resolve("runs"));
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private RunRecord scaleTo(int count) throws Exception {
        ScaleService scale = engine.scale.scale(environment, count, Duration.ofSeconds(30));
        return engine.runner.start(scale, engine.runner.plan(scale), Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);
    }

    @Test
    void theServiceAndItsTargetGroupAreGraphedAndRunsAreMarked(MotoWorld moto, SandboxDatabase database) throws Exception {
        environment = TestEstate.environment(moto, database, "graphed");
        RunRecord earlier = scaleTo(2);
        RunRecord watched = scaleTo(2);
        Instant tenAgo = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        var cloudWatch = moto.clients().cloudWatch(moto.target());
        cloudWatch.putMetricData(r -> r.namespace("AWS/ECS").metricData(datum("CPUUtilization", List.of(
                dimension("ClusterName", environment.cluster()), dimension("ServiceName", environment.service())), 12.5, tenAgo)));
        String group = engine.ecs.targetGroupsOf(moto.target(), environment.cluster(), environment.service()).get(0);
        String loadBalancer = moto.clients().elb(moto.target()).describeTargetGroups(r -> r.targetGroupArns(group)).targetGroups().get(0)
                .loadBalancerArns().get(0);
        cloudWatch.putMetricData(r -> r.namespace("AWS/ApplicationELB").metricData(datum("TargetResponseTime", List.of(
                dimension("TargetGroup", group.substring(group.lastIndexOf(':') + 1)),
                dimension("LoadBalancer", loadBalancer.substring(loadBalancer.indexOf(":loadbalancer/") + 14))), 0.25, tenAgo)));

        GraphPicture picture = engine.graphs.read(environment, Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60), watched);

        assertThat(picture.on(Chart.UTILISATION)).extracting(GraphPicture.Line::label).containsExactly("CPU", "Memory");
        assertThat(picture.on(Chart.UTILISATION).get(0).points()).extracting(Point::value).containsExactly(12.5);
        assertThat(picture.on(Chart.HOSTS)).extracting(GraphPicture.Line::label).as("a rolling service stays behind its own group")
                .containsExactly("Healthy", "Unhealthy");
        assertThat(picture.on(Chart.LATENCY).get(0).points()).extracting(Point::value).as("seconds read as ms").containsExactly(250.0);
        assertThat(picture.markers()).filteredOn(Marker::step).extracting(Marker::label)
                .containsExactly("1. " + watched.steps().get(0).planned().sentence(), "2. " + watched.steps().get(1).planned().sentence(),
                        "3. " + watched.steps().get(2).planned().sentence());
        assertThat(picture.markers()).filteredOn(m -> !m.step()).extracting(Marker::label, Marker::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(earlier.title(), earlier.startedAt()));
    }

    @Test
    void aServiceDeployedWithTaskSetsIsGraphedBehindBothColours(MotoWorld moto, SandboxDatabase database) throws Exception {
        environment = TestEstate.environment(moto, database, TestEstate.spec("coloured").withBlueGreen());

        GraphPicture picture = engine.graphs.read(environment, Instant.now().minus(Duration.ofHours(1)), Instant.now(), null);

        assertThat(picture.on(Chart.HOSTS)).extracting(GraphPicture.Line::label).as("a deploy shows its traffic moving from one to the other")
                .containsExactly("Healthy (coloured-blue)", "Unhealthy (coloured-blue)", "Healthy (coloured-green)", "Unhealthy (coloured-green)");
        assertThat(picture.markers()).isEmpty();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static MetricDatum datum(String name, List<Dimension> dimensions, double value, Instant at) {
        return MetricDatum.builder().metricName(name).dimensions(dimensions).value(value).timestamp(at).build();
    }
}
