package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** CloudWatch metrics as the graphs read them: many series in one GetMetricData call. Only reads. */
public interface MetricsGateway {
    /** One metric, statistic and period; dimensions in the order AWS documents them for the namespace. */
    record Query(String id, String label, String namespace, String metric, List<Dimension> dimensions, String statistic, Duration period) {
        public Query {
            dimensions = List.copyOf(dimensions);
        }
    }

    record Dimension(String name, String value) {
    }

    record Point(Instant at, double value) {
    }

    /** A query's answer, oldest point first. */
    record Series(String id, String label, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    List<Series> read(AwsTarget target, List<Query> queries, Instant from, Instant to);

    /**
     * How CloudWatch names a target group's metrics in AWS/ApplicationELB: its TargetGroup and LoadBalancer dimensions (the
     * ARNs' last parts); empty when no load balancer sends it traffic, so it has no such metrics.
     */
    List<Dimension> targetGroupDimensions(AwsTarget target, String targetGroupArn);
}
