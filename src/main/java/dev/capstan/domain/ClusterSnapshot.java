package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/** Everything one refresh read about a cluster's services and tasks, and when. */
public record ClusterSnapshot(String cluster, List<ServiceDetail> services, List<TaskDetail> tasks, Instant readAt) {
    public ClusterSnapshot {
        services = List.copyOf(services);
        tasks = List.copyOf(tasks);
    }

    public List<TaskDetail> tasksOf(String service) {
        return tasks.stream().filter(t -> t.serviceName().equals(service)).toList();
    }
}
