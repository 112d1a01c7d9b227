package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ClusterSnapshot;
import dev.capstan.domain.ClusterSummary;
import java.util.List;

/** Reads clusters, services and tasks with as few calls as the ECS API allows. Only reads. */
public interface ClusterReader {
    List<ClusterSummary> clusters(AwsTarget target);

    /** The cluster's services (DescribeServices by 10) and tasks, running and recently stopped (DescribeTasks by 100). */
    ClusterSnapshot snapshot(AwsTarget target, String cluster);
}
