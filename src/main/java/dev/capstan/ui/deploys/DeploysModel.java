package dev.capstan.ui.deploys;

import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenPicture;
import dev.capstan.ops.bluegreen.DeployHistory;
import dev.capstan.ops.codedeploy.CodeDeployPicture;
import dev.capstan.ops.controller.Deploys;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.rolling.Rolling;
import dev.capstan.ops.rolling.RollingPicture;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
import dev.capstan.ui.common.ServiceLogTail;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Deploys page's state, read every three seconds while in front: which controller deploys the environment's service, and
 * what fits it (the colours for task sets, the rollout for the ECS controller, the deployments for CodeDeploy), the latest deploy or rollback run, what a
 * blue/green rollback could not do and would re-deploy instead, and the service's log.
 */
public final class DeploysModel {
    private final Deploys deploys;
    private final BlueGreen blueGreen;
    private final Rolling rolling;
    private final RunStore runs;
    private final LogReading logs;
    private final ObjectProperty<Environment> environment;
    private final StringProperty controller = new SimpleStringProperty(this, "controller");
    private final ObjectProperty<BlueGreenPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final ObjectProperty<RollingPicture> rollout = new SimpleObjectProperty<>(this, "rollout");
    private final ObjectProperty<CodeDeployPicture> codeDeploy = new SimpleObjectProperty<>(this, "codeDeploy");
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<DeployHistory.Deployed> redeploy = new SimpleObjectProperty<>(this, "redeploy");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private ServiceLogTail tail;
    private final LatestRead reads;
    private final InFront front;

    public DeploysModel(Deploys deploys, BlueGreen blueGreen, Rolling rolling, RunStore runs, LogReading logs, BackgroundWork work,
                        ObjectProperty<Environment> environment) {
        this.deploys = deploys;
        this.blueGreen = blueGreen;
        this.rolling = rolling;
        this.runs = runs;
        this.logs = logs;
        this.environment = environment;
        this.reads = new LatestRead(work, environment);
        this.front = new InFront(environment, this::forget, this::refresh, javafx.util.Duration.seconds(3));
    }

    private void forget() {
        reads.drop();
        controller.set(null);
        picture.set(null);
        rollout.set(null);
        codeDeploy.set(null);
        run.set(null);
        redeploy.set(null);
        logLines.clear();
        error.set("");
        stopTail();
    }

    public void setActive(boolean active) {
        if (!active) {
            // Nobody is looking: the log stops being followed (a Live Tail session is billed by the minute) and starts afresh when shown.
            stopTail();
            logLines.clear();
        }
        front.setActive(active);
    }

    private void stopTail() {
        if (tail != null) {
            tail.stop();
            tail = null;
        }
    }

    private record Look(String controller, BlueGreenPicture picture, RollingPicture rollout, CodeDeployPicture codeDeploy, Optional<RunRecord> run,
                        Optional<DeployHistory.Deployed> redeploy, List<String> lines) {
    }

    /** Reads what fits the service's controller, the latest run and the log; a tick is skipped while a read of the same environment is under way. */
    public void refresh() {
        Environment env = environment.get();
        if (env == null) {
            return;
        }
        ServiceLogTail logTail = tail == null ? new ServiceLogTail(logs, env) : tail;
        tail = logTail;
        reads.refresh("Reading the deploys of " + env.name(), () -> {
            String kind = deploys.controller(env);
            BlueGreenPicture colours = ServiceRollout.EXTERNAL.equals(kind) ? blueGreen.picture(env) : null;
            RollingPicture rolled = ServiceRollout.ECS.equals(kind) ? rolling.picture(env) : null;
            CodeDeployPicture deployments = ServiceRollout.CODE_DEPLOY.equals(kind) ? deploys.codeDeploys().picture(env) : null;
            Optional<RunRecord> latest = runs.latestRecord(env.name(), List.copyOf(Deploys.TYPES));
            Optional<DeployHistory.Deployed> again = colours == null || colours.idleSide().serving() ? Optional.empty()
                    : blueGreen.redeployTarget(env, colours);
            return new Look(kind, colours, rolled, deployments, latest, again, logTail.poll());
        }, look -> {
            error.set("");
            controller.set(look.controller());
            picture.set(look.picture());
            rollout.set(look.rollout());
            codeDeploy.set(look.codeDeploy());
            run.set(look.run().orElse(null));
            redeploy.set(look.redeploy().orElse(null));
            logLines.addAll(look.lines());
            if (logLines.size() > 300) {
                logLines.remove(0, logLines.size() - 300);
            }
        }, e -> error.set(e.getMessage()));
    }

    public Deploys deploys() {
        return deploys;
    }

    public Rolling rolling() {
        return rolling;
    }

    /** How long a deploy or rollback started here waits: the declared default of the controller's deploy. */
    public Duration timeout() {
        if (ServiceRollout.CODE_DEPLOY.equals(controller.get())) {
            return deploys.codeDeploys().deployTimeout();
        }
        return ServiceRollout.EXTERNAL.equals(controller.get()) ? blueGreen.deployTimeout() : rolling.deployTimeout();
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty controllerProperty() {
        return controller;
    }

    public ObjectProperty<BlueGreenPicture> pictureProperty() {
        return picture;
    }

    public ObjectProperty<RollingPicture> rolloutProperty() {
        return rollout;
    }

    public ObjectProperty<CodeDeployPicture> codeDeployProperty() {
        return codeDeploy;
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
