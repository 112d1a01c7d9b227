package dev.capstan.ui.deploys;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenDeploy;
import dev.capstan.ops.bluegreen.BlueGreenPicture;
import dev.capstan.ops.bluegreen.BlueGreenRollback;
import dev.capstan.ops.bluegreen.DeployHistory;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
import dev.capstan.ui.common.ServiceLogTail;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The blue/green page's state: the environment's colours (every three seconds while in front), its latest
 * deploy or rollback run, what a rollback could not do and would re-deploy instead, and the service's log.
 */
public final class DeploysModel {
    private final BlueGreen blueGreen;
    private final RunStore runs;
    private final LogReading logs;
    private final ObjectProperty<Environment> environment;
    private final ObjectProperty<BlueGreenPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<DeployHistory.Deployed> redeploy = new SimpleObjectProperty<>(this, "redeploy");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private ServiceLogTail tail;
    private final LatestRead reads;
    private final InFront front;

    public DeploysModel(BlueGreen blueGreen, RunStore runs, LogReading logs, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.blueGreen = blueGreen;
        this.runs = runs;
        this.logs = logs;
        this.environment = environment;
        this.reads = new LatestRead(work, environment);
        // Live while in front: the colours every three seconds.
        this.front = new InFront(environment, this::forget, this::refresh, javafx.util.Duration.seconds(3));
    }

    private void forget() {
        reads.drop();
        picture.set(null);
        run.set(null);
        redeploy.set(null);
        logLines.clear();
        error.set("");
        tail = null;
    }

    public void setActive(boolean active) {
        front.setActive(active);
    }

    private record Look(BlueGreenPicture picture, Optional<RunRecord> run, Optional<DeployHistory.Deployed> redeploy, List<String> lines) {
    }

    /** Reads the colours, the latest run and the log; a tick is skipped while a read of the same environment is under way. */
    public void refresh() {
        Environment env = environment.get();
        if (env == null) {
            return;
        }
        ServiceLogTail logTail = tail == null ? new ServiceLogTail(logs, env) : tail;
        tail = logTail;
        reads.refresh("Reading the colours of " + env.name(), () -> {
            BlueGreenPicture now = blueGreen.picture(env);
            Optional<RunRecord> latest = runs.latestRecord(env.name(), List.of(BlueGreenDeploy.TYPE, BlueGreenRollback.TYPE));
            return new Look(now, latest, now.idleSide().serving() ? Optional.empty() : blueGreen.redeployTarget(env, now), logTail.poll());
        }, look -> {
            error.set("");
            picture.set(look.picture());
            run.set(look.run().orElse(null));
            redeploy.set(look.redeploy().orElse(null));
            logLines.addAll(look.lines());
            if (logLines.size() > 300) {
                logLines.remove(0, logLines.size() - 300);
            }
        }, e -> error.set(e.getMessage()));
    }

    public BlueGreen blueGreen() {
        return blueGreen;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObjectProperty<BlueGreenPicture> pictureProperty() {
        return picture;
    }

    public ObjectProperty<RunRecord> runProperty() {
        return run;
    }

    public ObjectProperty<DeployHistory.Deployed> redeployProperty() {
        return redeploy;
    }

    public ObservableList<String> logLines() {
        return logLines;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
