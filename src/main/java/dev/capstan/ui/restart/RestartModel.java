package dev.capstan.ui.restart;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.restart.RestartDefaults;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.restart.RestartPicture;
import dev.capstan.ops.restart.RollingRestart;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
import dev.capstan.ui.common.ServiceLogTail;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The restart screen's state: the environment's service as a restart sees it (refreshed every two seconds
 * while the screen is in front), the latest restart run of the environment, the form's defaults, and the
 * tail of the service's log. Every read happens in the background; the properties change on the FX thread.
 */
public final class RestartModel {
    static final int LOG_LINES = 300;
    private final RestartFactory restarts;
    private final LogReading logs;
    private final RunStore runs;
    private final ObjectProperty<Environment> environment;
    private final ObjectProperty<RestartDefaults> defaults = new SimpleObjectProperty<>(this, "defaults");
    private final ObjectProperty<RestartPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** Tasks of this environment known to have logged the health pattern: looked for once each, not on every tick. */
    private Set<String> seen = ConcurrentHashMap.newKeySet();
    private ServiceLogTail tail;
    private final LatestRead reads;
    private final InFront front;

    public RestartModel(RestartFactory restarts, LogReading logs, RunStore runs, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.restarts = restarts;
        this.logs = logs;
        this.runs = runs;
        this.environment = environment;
        this.reads = new LatestRead(work, environment);
        // Live while in front: the service every two seconds.
        this.front = new InFront(environment, this::forget, this::refresh, javafx.util.Duration.seconds(2));
    }

    private void forget() {
        reads.drop();
        defaults.set(null);
        picture.set(null);
        run.set(null);
        logLines.clear();
        error.set("");
        seen = ConcurrentHashMap.newKeySet();
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

    /** One look in the background; a look of the same environment still under way makes this a no-op, so a slow estate is never asked twice at once. */
    public void refresh() {
        Environment env = environment.get();
        if (env == null) {
            return;
        }
        if (env.service() == null) {
            reads.drop();
            error.set(env.name() + " names no service; add service: to it in the workspace to restart it.");
            return;
        }
        boolean needDefaults = defaults.get() == null;
        ServiceLogTail logTail = tail == null ? new ServiceLogTail(logs, env) : tail;
        tail = logTail;
        Set<String> healthy = seen;
        reads.refresh("Watching " + env.service(), () -> look(env, needDefaults, logTail, healthy), look -> {
            error.set("");
            look.defaults().ifPresent(defaults::set);
            run.set(look.run().orElse(null));
            picture.set(look.picture());
            logLines.addAll(look.lines());
            if (logLines.size() > LOG_LINES) {
                logLines.remove(0, logLines.size() - LOG_LINES);
            }
        }, failure -> error.set(failure.getMessage()));
    }

    /** What one tick read. */
    private record Look(Optional<RestartDefaults> defaults, Optional<RunRecord> run, RestartPicture picture, List<String> lines) {
    }

    private Look look(Environment env, boolean needDefaults, ServiceLogTail logTail, Set<String> seen) {
        Optional<RestartDefaults> read = needDefaults ? Optional.of(restarts.defaults(env)) : Optional.empty();
        Optional<RunRecord> latest = latestRestart(env);
        // The old/new split and the health pattern come from the latest restart; with none, every task is just "running".
        Optional<RunRecord> current = latest.filter(RestartModel::tellsOldFromNew);
        Set<String> old = new HashSet<>(current.map(r -> r.facts().getOrDefault("oldTasks", List.of())).orElse(List.of()));
        Set<String> earlier = new HashSet<>(current.map(r -> r.facts().getOrDefault("stoppedBefore", List.of())).orElse(List.of()));
        String pattern = current.map(r -> r.parameters().get("healthLogPattern")).filter(p -> !p.isBlank()).orElse(null);
        long since = current.map(r -> r.startedAt().toEpochMilli()).orElse(0L);
        String group = current.map(r -> r.parameters().get("group")).filter(g -> !g.isBlank())
                .orElse(read.or(() -> Optional.ofNullable(defaults.get())).flatMap(d -> d.group()).map(g -> g.name()).orElse(null));
        RestartPicture now = restarts.watch().look(env, old, earlier, group, pattern, since, seen);
        return new Look(read, latest, now, logTail.poll());
    }

    /** The latest restart, unless someone abandoned it: its journal says which tasks are old, so the rest are new since then. */
    static boolean tellsOldFromNew(RunRecord run) {
        return run != null && run.outcome() != RunOutcome.ABANDONED;
    }

    private Optional<RunRecord> latestRestart(Environment env) {
        return runs.latestRecord(env.name(), List.of(RollingRestart.TYPE));
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObjectProperty<RestartDefaults> defaultsProperty() {
        return defaults;
    }

    public ObjectProperty<RestartPicture> pictureProperty() {
        return picture;
    }

    public ObjectProperty<RunRecord> runProperty() {
        return run;
    }

    public ObservableList<String> logLines() {
        return logLines;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public RestartFactory restarts() {
        return restarts;
    }
}
