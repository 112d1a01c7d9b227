package dev.capstan.ui.clusters;

import dev.capstan.aws.ClusterReader;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ClusterSnapshot;
import dev.capstan.domain.ClusterSummary;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceDetail;
import dev.capstan.domain.TaskDetail;
import dev.capstan.ops.Targets;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.LatestRead;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Clusters → services → tasks of the current environment's account and region. One refresh reads the
 * chosen cluster's services and tasks in one go (the fewest calls the API allows); the list of clusters
 * is read when the environment changes or on F5. Errors stay in the panel they belong to.
 */
public final class ClustersModel {
    private final ClusterReader reader;
    private final Targets targets;
    private final ObjectProperty<Environment> environment;
    private final ObservableList<ClusterSummary> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<String> cluster = new SimpleObjectProperty<>(this, "cluster");
    private final ObservableList<ServiceDetail> services = FXCollections.observableArrayList();
    private final FilteredList<ServiceDetail> filteredServices = new FilteredList<>(services);
    private final ObjectProperty<ServiceDetail> service = new SimpleObjectProperty<>(this, "service");
    private final ObservableList<TaskDetail> tasks = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Instant> readAt = new SimpleObjectProperty<>(this, "readAt");
    private final StringProperty clustersError = new SimpleStringProperty(this, "clustersError", "");
    private final StringProperty servicesError = new SimpleStringProperty(this, "servicesError", "");
    private ClusterSnapshot snapshot;
    private final LatestRead clusterListReads;
    private final LatestRead clusterReads;
    /** Reads happen only while the view is in front; a change of environment meanwhile is read when it comes back. */
    private boolean active;
    private boolean clustersStale = true;

    public ClustersModel(ClusterReader reader, Targets targets, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.reader = reader;
        this.targets = targets;
        this.environment = environment;
        this.clusterListReads = new LatestRead(work, environment);
        this.clusterReads = new LatestRead(work, environment, cluster);
        environment.addListener((obs, old, env) -> {
            clustersStale = true;
            clusters.clear();
            clustersError.set("");
            forgetCluster();
            cluster.set(env == null ? null : env.cluster());
            if (active) {
                readClusters();
            }
        });
        cluster.addListener((obs, old, now) -> {
            forgetCluster();
            readCluster(false);
        });
        service.addListener((obs, old, now) -> showTasks());
        filter.addListener((obs, old, text) -> filteredServices.setPredicate(s -> matches(s, text)));
    }

    /** Another environment or cluster: nothing of the last one stays on screen while the new one is read. */
    private void forgetCluster() {
        clusterReads.drop();
        service.set(null);
        services.clear();
        tasks.clear();
        snapshot = null;
        readAt.set(null);
        servicesError.set("");
    }

    private static boolean matches(ServiceDetail service, String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() || (service.name() + " " + service.taskDefinitionName() + " " + service.status() + " " + service.launchType())
                .toLowerCase(Locale.ROOT).contains(wanted);
    }

    public AwsTarget target() {
        return targets.of(environment.get());
    }

    /** F5: the clusters, then the chosen cluster. */
    public void refresh() {
        readClusters();
    }

    /** The view came to the front: read what is stale, then keep the chosen cluster fresh. */
    public void activate() {
        active = true;
        if (clustersStale) {
            readClusters();
        } else {
            refreshCluster();
        }
    }

    public void deactivate() {
        active = false;
    }

    private void readClusters() {
        Environment env = environment.get();
        if (env == null) {
            clusterListReads.drop();
            return;
        }
        clusterListReads.read("Listing the ECS clusters in " + env.region(), () -> reader.clusters(targets.of(env)), list -> {
            clustersStale = false;
            clustersError.set("");
            clusters.setAll(list);
            refreshCluster();
        }, error -> clustersError.set(error.getMessage()));
    }

    /** Reads the chosen cluster's services and tasks; a timer's look is skipped while one of the same cluster is under way. */
    public void refreshCluster() {
        readCluster(true);
    }

    private void readCluster(boolean tick) {
        Environment env = environment.get();
        String name = cluster.get();
        if (env == null || name == null || !active) {
            clusterReads.drop();
            return;
        }
        if (tick) {
            clusterReads.refresh("Reading cluster " + name, () -> reader.snapshot(targets.of(env), name), this::showRead, this::showError);
        } else {
            clusterReads.read("Reading cluster " + name, () -> reader.snapshot(targets.of(env), name), this::showRead, this::showError);
        }
    }

    private void showRead(ClusterSnapshot read) {
        servicesError.set("");
        show(read);
    }

    private void showError(Throwable error) {
        servicesError.set(error.getMessage());
    }

    private void show(ClusterSnapshot read) {
        snapshot = read;
        String chosen = service.get() == null ? null : service.get().name();
        services.setAll(read.services());
        readAt.set(read.readAt());
        service.set(read.services().stream().filter(s -> s.name().equals(chosen)).findFirst().orElse(null));
        showTasks();
    }

    private void showTasks() {
        if (snapshot == null) {
            tasks.clear();
            return;
        }
        tasks.setAll(service.get() == null ? snapshot.tasks() : snapshot.tasksOf(service.get().name()));
    }

    /** The AWS CLI command that shows the same service, for a person who wants to look in a terminal. */
    public String cliFor(ServiceDetail s) {
        AwsTarget t = target();
        return "aws ecs describe-services --cluster " + s.cluster() + " --services " + s.name() + suffix(t);
    }

    public String cliFor(TaskDetail task) {
        AwsTarget t = target();
        return "aws ecs describe-tasks --cluster " + cluster.get() + " --tasks " + task.arn() + suffix(t);
    }

    private static String suffix(AwsTarget t) {
        return " --region " + t.region() + " --profile " + t.profile() + (t.endpoint() == null ? "" : " --endpoint-url " + t.endpoint());
    }

    public ObservableList<ClusterSummary> clusters() {
        return clusters;
    }

    public ObjectProperty<String> clusterProperty() {
        return cluster;
    }

    public FilteredList<ServiceDetail> services() {
        return filteredServices;
    }

    public ObjectProperty<ServiceDetail> serviceProperty() {
        return service;
    }

    public ObservableList<TaskDetail> tasks() {
        return tasks;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Instant> readAtProperty() {
        return readAt;
    }

    public StringProperty clustersErrorProperty() {
        return clustersError;
    }

    public StringProperty servicesErrorProperty() {
        return servicesError;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }
}
