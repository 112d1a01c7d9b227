package dev.capstan.ui.runbooks;

import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.runbook.RunbookCatalog;
import dev.capstan.ops.runbook.RunbookFactory;
import dev.capstan.ops.runbook.RunbookRun;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.LatestRead;
import java.util.Comparator;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runbooks of the open workspace (built-in and its runbooks/ folder), the one chosen, and its runs on
 * the current environment: the newest is followed once a second while the view is in front, so the
 * checklist moves as the run does.
 */
public final class RunbooksModel {
    private final RunbookFactory runbooks;
    private final RunStore runs;
    private final BackgroundWork work;
    private final ObjectProperty<Environment> environment;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final ObservableList<RunbookCatalog.Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<RunbookCatalog.Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<RunSummary> history = FXCollections.observableArrayList();
    private final ObjectProperty<RunSummary> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final StringProperty problems = new SimpleStringProperty(this, "problems", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refreshRuns()));
    private final LatestRead catalogue;
    private final LatestRead runReads;

    public RunbooksModel(RunbookFactory runbooks, RunStore runs, BackgroundWork work, ObjectProperty<Environment> environment,
                         ReadOnlyObjectProperty<Workspace> workspace) {
        this.runbooks = runbooks;
        this.runs = runs;
        this.work = work;
        this.environment = environment;
        this.workspace = workspace;
        this.catalogue = new LatestRead(work, workspace);
        this.runReads = new LatestRead(work, environment, selected);
        ticker.setCycleCount(Timeline.INDEFINITE);
        workspace.addListener((obs, old, now) -> load());
        environment.addListener((obs, old, now) -> forgetRuns());
        selected.addListener((obs, old, now) -> forgetRuns());
        chosen.addListener((obs, old, now) -> {
            if (now != null && (run.get() == null || !run.get().id().equals(now.id()))) {
                readRuns(false);
            }
        });
    }

    public void setActive(boolean active) {
        if (active) {
            if (entries.isEmpty()) {
                load();
            }
            refreshRuns();
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    public void load() {
        Workspace ws = workspace.get();
        catalogue.read("Reading runbooks", () -> runbooks.catalog().list(ws == null ? null : ws.source()), listing -> {
            String chosen = selected.get() == null ? null : selected.get().runbook().name();
            entries.setAll(listing.runbooks());
            problems.set(String.join("\n", listing.problems()));
            selected.set(listing.find(chosen).orElse(listing.runbooks().isEmpty() ? null : listing.runbooks().get(0)));
        }, e -> error.set(e.getMessage()));
    }

    /** Another environment or runbook: its runs are read afresh, and none of the last one's stays shown meanwhile. */
    private void forgetRuns() {
        run.set(null);
        history.clear();
        chosen.set(null);
        readRuns(false);
    }

    /** The chosen runbook's runs on the environment, newest first; the one shown stays chosen unless a newer one began. */
    public void refreshRuns() {
        readRuns(true);
    }

    /** @param tick whether this is the timer's look, skipped while one is under way; a choice always reads */
    private void readRuns(boolean tick) {
        Environment env = environment.get();
        RunbookCatalog.Entry entry = selected.get();
        if (env == null || entry == null) {
            runReads.drop();
            return;
        }
        String name = entry.runbook().name();
        RunSummary shown = chosen.get();
        java.util.concurrent.Callable<Runs> read = () -> {
            List<RunSummary> found = runs.summaries(env.name()).stream()
                    .filter(r -> RunbookRun.TYPE.equals(r.operationType()) && name.equals(r.parameters().get("runbook"))).toList();
            RunSummary next = shown == null ? null : found.stream().filter(r -> r.id().equals(shown.id())).findFirst().orElse(null);
            if (next == null || (!found.isEmpty() && found.get(0).startedAt().isAfter(next.startedAt()))) {
                next = found.isEmpty() ? null : found.get(0);
            }
            return new Runs(found, next == null ? null : runs.read(next.id()));
        };
        java.util.function.Consumer<Runs> show = found -> {
            history.setAll(found.history());
            run.set(found.shown());
            chosen.set(found.shown() == null ? null
                    : found.history().stream().filter(r -> r.id().equals(found.shown().id())).findFirst().orElse(null));
        };
        if (tick) {
            runReads.refresh("Reading runbook runs", read, show, e -> error.set(e.getMessage()));
        } else {
            runReads.read("Reading runbook runs", read, show, e -> error.set(e.getMessage()));
        }
    }

    public boolean running() {
        return run.get() != null && run.get().outcome() == RunOutcome.RUNNING;
    }

    public ObservableList<RunbookCatalog.Entry> entries() {
        return entries;
    }

    public ObjectProperty<RunbookCatalog.Entry> selectedProperty() {
        return selected;
    }

    public ObservableList<RunSummary> history() {
        return history;
    }

    /** The run chosen from the history; {@link #runProperty()} is its whole record once read. */
    public ObjectProperty<RunSummary> chosenProperty() {
        return chosen;
    }

    private record Runs(List<RunSummary> history, RunRecord shown) {
    }

    public ObjectProperty<RunRecord> runProperty() {
        return run;
    }

    public StringProperty problemsProperty() {
        return problems;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public RunbookFactory runbooks() {
        return runbooks;
    }
}
