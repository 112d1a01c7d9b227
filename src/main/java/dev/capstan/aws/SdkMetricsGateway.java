package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

public final class SdkMetricsGateway implements MetricsGateway {
    private final AwsClients clients;

    public SdkMetricsGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Series> read(AwsTarget target, List<Query> queries, Instant from, Instant to) {
        if (queries.isEmpty()) {
            return List.of();
        }
        List<MetricDataQuery> asked = queries.stream().map(SdkMetricsGateway::query).toList();
        Map<String, List<Point>> points = new LinkedHashMap<>();
        queries.forEach(q -> points.put(q.id(), new ArrayList<>()));
        try {
            String token = null;
            do {
                String page = token;
                GetMetricDataResponse response = clients.cloudWatch(target).getMetricData(r -> r.startTime(from).endTime(to)
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(asked).nextToken(page));
                for (MetricDataResult result : response.metricDataResults()) {
                    List<Point> series = points.computeIfAbsent(result.id(), id -> new ArrayList<>());
                    for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
                        series.add(new Point(result.timestamps().get(i), result.values().get(i)));
                    }
                }
                token = response.nextToken();
            } while (token != null);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read CloudWatch metrics");
        }
        return queries.stream().map(q -> new Series(q.id(), q.label(), points.get(q.id()).stream()
                .sorted(java.util.Comparator.comparing(Point::at)).toList())).toList();
    }

    private static MetricDataQuery query(Query q) {
        return MetricDataQuery.builder().id(q.id()).label(q.label()).returnData(true)
                .metricStat(stat -> stat.stat(q.statistic()).period((int) q.period().toSeconds())
                        .metric(metric -> metric.namespace(q.namespace()).metricName(q.metric())
                                .dimensions(q.dimensions().stream().map(d -> software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                                        .name(d.name()).value(d.value()).build()).toList())))
                .build();
    }

    @Override
    public List<Dimension> targetGroupDimensions(AwsTarget target, String targetGroupArn) {
        try {
            List<TargetGroup> groups = clients.elb(target).describeTargetGroups(r -> r.targetGroupArns(targetGroupArn)).targetGroups();
            if (groups.isEmpty() || groups.get(0).loadBalancerArns().isEmpty()) {
                return List.of();
            }
            return List.of(new Dimension("TargetGroup", afterColon(targetGroupArn)),
                    new Dimension("LoadBalancer", afterColon(groups.get(0).loadBalancerArns().get(0)).replaceFirst("^loadbalancer/", "")));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read target group " + TargetHealthGateway.name(targetGroupArn));
        }
    }

    /** An ELB ARN's resource part: {@code targetgroup/name/id}, {@code loadbalancer/app/name/id}. */
    private static String afterColon(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
