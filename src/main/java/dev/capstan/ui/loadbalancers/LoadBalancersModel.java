package dev.capstan.ui.loadbalancers;

import dev.capstan.aws.LoadBalancerReader;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LoadBalancingSnapshot;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.ops.Targets;
import dev.capstan.ops.bluegreen.ActiveColour;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Load balancers, listeners, rules and target groups of the environment's account, and the environment's active colour. */
public final class LoadBalancersModel {
    private final LoadBalancerReader reader;
    private final Targets targets;
    private final ObjectProperty<Environment> environment;
    private final ObjectProperty<LoadBalancingSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObservableList<TargetGroupInfo> targetGroups = FXCollections.observableArrayList();
    private final ObjectProperty<TargetGroupInfo> targetGroup = new SimpleObjectProperty<>(this, "targetGroup");
    private final StringProperty activeColour = new SimpleStringProperty(this, "activeColour", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final LatestRead reads;
    private String wantedTargetGroup;
    private final InFront front;

    public LoadBalancersModel(LoadBalancerReader reader, Targets targets, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.reader = reader;
        this.targets = targets;
        this.environment = environment;
        this.reads = new LatestRead(work, environment);
        this.front = new InFront(environment, this::forget, this::refresh, null);
    }

    private void forget() {
        reads.drop();
        wantedTargetGroup = null;
        snapshot.set(null);
        targetGroups.clear();
        targetGroup.set(null);
        activeColour.set("");
        error.set("");
    }

    /** The view came to the front (true) or went behind another (false). */
    public void setActive(boolean active) {
        front.setActive(active);
    }

    /** Reads the environment's load balancers; skipped while a read of the same environment is under way. */
    public void refresh() {
        Environment env = environment.get();
        if (env == null) {
            return;
        }
        reads.refresh("Reading the load balancers", () -> reader.read(targets.of(env)), read -> {
            error.set("");
            show(env, read);
        }, failure -> error.set(failure.getMessage()));
    }

    private void show(Environment env, LoadBalancingSnapshot read) {
        String chosen = wantedTargetGroup != null ? wantedTargetGroup : targetGroup.get() == null ? null : targetGroup.get().arn();
        wantedTargetGroup = null;
        snapshot.set(read);
        targetGroups.setAll(read.targetGroups());
        targetGroup.set(read.targetGroups().stream().filter(t -> t.arn().equals(chosen)).findFirst().orElse(null));
        if (env.loadBalancer() == null) {
            activeColour.set(env.name() + " declares no blue and green target groups.");
        } else {
            activeColour.set(ActiveColour.of(env.loadBalancer(), read).map(c -> env.name() + ": " + c.sentence())
                    .orElseGet(() -> env.name() + ": " + ActiveColour.explainMissing(env.loadBalancer(), read)));
        }
    }

    /** Opens a target group by its ARN: the link from a service to where its tasks are registered. */
    public void show(String targetGroupArn) {
        wantedTargetGroup = targetGroupArn;
        refresh();
    }

    public ObjectProperty<LoadBalancingSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ObservableList<TargetGroupInfo> targetGroups() {
        return targetGroups;
    }

    public ObjectProperty<TargetGroupInfo> targetGroupProperty() {
        return targetGroup;
    }

    public StringProperty activeColourProperty() {
        return activeColour;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public String region() {
        return environment.get() == null ? "" : targets.of(environment.get()).region();
    }
}
