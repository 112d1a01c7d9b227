package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** The Clusters view's service graphs show what CloudWatch holds for the service and its target group (moto's GetMetricData). */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ServiceGraphsViewTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private ConsoleFixture console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void theServiceDetailGraphsShowTheValuesPut(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment shop = TestEstate.environment(moto, database, "shop");
        String group = moto.clients().ecs(moto.target()).describeServices(r -> r.cluster(shop.cluster()).services(shop.service()))
                .services().get(0).loadBalancers().get(0).targetGroupArn();
        String loadBalancer = moto.clients().elb(moto.target()).describeTargetGroups(r -> r.targetGroupArns(group)).targetGroups().get(0)
                .loadBalancerArns().get(0);
        // As AWS names them: the ARNs' resource parts.
        List<Dimension> service = List.of(dimension("ClusterName", shop.cluster()), dimension("ServiceName", shop.service()));
        List<Dimension> targets = List.of(dimension("TargetGroup", group.substring(group.lastIndexOf(':') + 1)),
                dimension("LoadBalancer", loadBalancer.substring(loadBalancer.indexOf(":loadbalancer/") + 14)));
        Instant twentyAgo = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(20, ChronoUnit.MINUTES);
        var cloudWatch = moto.clients().cloudWatch(moto.target());
        cloudWatch.putMetricData(r -> r.namespace("AWS/ECS").metricData(
                datum("CPUUtilization", service, 37.5, twentyAgo), datum("CPUUtilization", service, 61.25, twentyAgo.plusSeconds(600)),
                datum("MemoryUtilization", service, 48, twentyAgo)));
        cloudWatch.putMetricData(r -> r.namespace("AWS/ApplicationELB").metricData(
                datum("HealthyHostCount", targets, 2, twentyAgo), datum("HealthyHostCount", targets, 4, twentyAgo.plusSeconds(300)),
                datum("UnHealthyHostCount", targets, 1, twentyAgo.plusSeconds(300)),
                datum("TargetResponseTime", targets, 0.125, twentyAgo)));

        console = ConsoleFixture.open(moto, home, shop);
        robot.clickOn("#nav-clusters");
        waitUntil("the service is listed", () -> robot.lookup("shop-web").tryQuery().isPresent());
        robot.clickOn("shop-web");
        robot.clickOn("#service-graphs-tab");

        waitUntil("CPU is graphed", () -> values("#service-graphs-utilisation", "CPU").equals(Set.of(37.5, 61.25)));
        assertThat(values("#service-graphs-utilisation", "Memory")).containsExactly(48.0);
        assertThat(values("#service-graphs-hosts", "Healthy")).containsExactlyInAnyOrder(2.0, 4.0);
        assertThat(values("#service-graphs-hosts", "Unhealthy")).containsExactly(1.0);
        assertThat(values("#service-graphs-latency", "Response time")).as("ELB's seconds, read as milliseconds").containsExactly(125.0);
        FxTestSupport.screenshot(console.opened.stage().getScene(), Path.of("target/screenshots/service-graphs-test.png"));
    }

    @SuppressWarnings("unchecked")
    private Set<Double> values(String chart, String series) {
        return fx(() -> {
            LineChart<Number, Number> shown = robot.lookup(chart).queryAs(LineChart.class);
            return shown.getData().stream().filter(s -> series.equals(s.getName())).flatMap(s -> s.getData().stream())
                    .map(XYChart.Data::getYValue).map(Number::doubleValue).collect(Collectors.toSet());
        });
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static MetricDatum datum(String name, List<Dimension> dimensions, double value, Instant at) {
        return MetricDatum.builder().metricName(name).dimensions(dimensions).value(value).timestamp(at).build();
    }
}
