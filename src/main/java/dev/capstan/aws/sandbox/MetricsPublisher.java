package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Publishes what ECS and ELB publish by themselves on AWS and nothing does on a stand-in: a service's CPU and memory
 * utilisation (AWS/ECS, by ClusterName and ServiceName) and its target groups' healthy and unhealthy host counts, 5xx count
 * and response time (AWS/ApplicationELB, by TargetGroup and LoadBalancer), from the service's live state, so a restart or a
 * deploy moves them: more hosts while new tasks run beside the old, more load while tasks start, errors while targets fail.
 */
public final class MetricsPublisher {
    private final AwsClients clients;
    private final AwsTarget target;
    /** A target group's LoadBalancer dimension (empty: no load balancer sends it traffic). */
    private final Map<String, String> loadBalancers = new ConcurrentHashMap<>();

    public MetricsPublisher(AwsClients clients, AwsTarget target) {
        this.clients = clients;
        this.target = target;
    }

    /** What the metrics are made from: the service's tasks, and each target group's hosts by health. */
    private record Look(List<Dimension> service, int running, int starting, List<GroupLook> groups) {
    }

    private record GroupLook(List<Dimension> dimensions, long healthy, long unhealthy) {
    }

    /** One point of every metric of the service, now. */
    public void publishOnce(String cluster, String service) {
        put(datums(look(cluster, service), Instant.now()));
    }

    /** A point a minute for the last {@code span}, from the service as it is now: graphs that start full rather than empty. */
    public void backfill(String cluster, String service, Duration span) {
        Look now = look(cluster, service);
        Instant at = Instant.now();
        List<MetricDatum> all = new ArrayList<>();
        for (long minute = span.toMinutes(); minute > 0; minute--) {
            all.addAll(datums(now, at.minus(Duration.ofMinutes(minute))));
        }
        // PutMetricData takes at most 1,000 points a call.
        for (int from = 0; from < all.size(); from += 1000) {
            put(all.subList(from, Math.min(all.size(), from + 1000)));
        }
    }

    private Look look(String cluster, String service) {
        Service live = clients.ecs(target).describeServices(r -> r.cluster(cluster).services(service)).services().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no service " + service + " in " + cluster + "."));
        // A rolling service names its groups; a blue/green one's task sets do, one colour each.
        List<String> arns = java.util.stream.Stream.concat(live.loadBalancers().stream(),
                        live.taskSets().stream().flatMap(set -> set.loadBalancers().stream()))
                .map(LoadBalancer::targetGroupArn).filter(java.util.Objects::nonNull).distinct().toList();
        List<GroupLook> groups = new ArrayList<>();
        for (String group : arns) {
            String loadBalancer = loadBalancers.computeIfAbsent(group, this::loadBalancerOf);
            if (loadBalancer.isEmpty()) {
                continue;
            }
            var health = clients.elb(target).describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions();
            long healthy = health.stream().filter(h -> "healthy".equals(h.targetHealth().stateAsString())).count();
            long unhealthy = health.stream().filter(h -> !"healthy".equals(h.targetHealth().stateAsString())
                    && !"draining".equals(h.targetHealth().stateAsString())).count();
            groups.add(new GroupLook(List.of(dimension("TargetGroup", group.substring(group.lastIndexOf(':') + 1)),
                    dimension("LoadBalancer", loadBalancer)), healthy, unhealthy));
        }
        return new Look(List.of(dimension("ClusterName", cluster), dimension("ServiceName", service)), live.runningCount(),
                live.pendingCount() + Math.max(0, live.runningCount() - live.desiredCount()), groups);
    }

    private static List<MetricDatum> datums(Look look, Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<MetricDatum> datums = new ArrayList<>();
        // Starting tasks load the service (they read their data); steady ones idle along.
        double cpu = Math.min(100, 18 + 6 * random.nextDouble() + 30.0 * look.starting() / Math.max(1, look.running()));
        datums.add(datum("CPUUtilization", look.service(), cpu, StandardUnit.PERCENT, at));
        datums.add(datum("MemoryUtilization", look.service(), 42 + 4 * random.nextDouble() + (look.starting() > 0 ? 9 : 0), StandardUnit.PERCENT, at));
        for (GroupLook group : look.groups()) {
            datums.add(datum("HealthyHostCount", group.dimensions(), group.healthy(), StandardUnit.COUNT, at));
            datums.add(datum("UnHealthyHostCount", group.dimensions(), group.unhealthy(), StandardUnit.COUNT, at));
            if (group.healthy() + group.unhealthy() > 0) {
                datums.add(datum("HTTPCode_Target_5XX_Count", group.dimensions(), group.unhealthy() > 0 ? 2 + random.nextInt(5) : random.nextInt(2),
                        StandardUnit.COUNT, at));
                datums.add(datum("TargetResponseTime", group.dimensions(), 0.045 + 0.03 * random.nextDouble() + (look.starting() > 0 ? 0.06 : 0),
                        StandardUnit.SECONDS, at));
            }
        }
        return datums;
    }

    private String loadBalancerOf(String targetGroupArn) {
        List<String> arns = clients.elb(target).describeTargetGroups(r -> r.targetGroupArns(targetGroupArn)).targetGroups().get(0).loadBalancerArns();
        return arns.isEmpty() ? "" : arns.get(0).substring(arns.get(0).indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    private void put(List<MetricDatum> datums) {
        if (datums.isEmpty()) {
            return;
        }
        // A namespace a call: the service's metrics and the load balancer's.
        List<MetricDatum> ecs = datums.stream().filter(d -> d.dimensions().get(0).name().equals("ClusterName")).toList();
        List<MetricDatum> elb = datums.stream().filter(d -> !d.dimensions().get(0).name().equals("ClusterName")).toList();
        if (!ecs.isEmpty()) {
            clients.cloudWatch(target).putMetricData(r -> r.namespace("AWS/ECS").metricData(ecs));
        }
        if (!elb.isEmpty()) {
            clients.cloudWatch(target).putMetricData(r -> r.namespace("AWS/ApplicationELB").metricData(elb));
        }
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static MetricDatum datum(String name, List<Dimension> dimensions, double value, StandardUnit unit, Instant at) {
        return MetricDatum.builder().metricName(name).dimensions(dimensions).value(value).unit(unit).timestamp(at).build();
    }
}
