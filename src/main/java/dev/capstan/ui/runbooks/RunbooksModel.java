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
    private boolean reading;

    public RunbooksModel(RunbookFactory runbooks, RunStore runs, BackgroundWork work, ObjectProperty<Environment> environment,
                         ReadOnlyObjectProperty<Workspace> workspace) {
        this.runbooks = runbooks;
        this.runs = runs;
        this.work = work;
        this.environment = environment;
        this.workspace = workspace;
        ticker.setCycleCount(Timeline.INDEFINITE);
        workspace.addListener((obs, old, now) -> load());
        environment.addListener((obs, old, now) -> {
            run.set(null);
            refreshRuns();
        });
        selected.addListener((obs, old, now) -> {
            run.set(null);
            refreshRuns();
        });
        chosen.addListener((obs, old, now) -> {
            if (now != null && (run.get() == null || !run.get().id().equals(now.id()))) {
                refreshRuns();
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
        work.run("Reading runbooks", () -> runbooks.catalog().list(ws == null ? null : ws.source()))
                .onSuccess(listing -> {
                    String chosen = selected.get() == null ? null : selected.get().runbook().name();
                    entries.setAll(listing.runbooks());
                    problems.set(String.join("\n", listing.problems()));
                    selected.set(listing.find(chosen).orElse(listing.runbooks().isEmpty() ? null : listing.runbooks().get(0)));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .start();
    }

    /** The chosen runbook's runs on the environment, newest first; the one shown stays chosen unless a newer one began. */
    public void refreshRuns() {
        Environment env = environment.get();
        RunbookCatalog.Entry entry = selected.get();
        if (env == null || entry == null || reading) {
            return;
        }
        reading = true;
        String name = entry.runbook().name();
        RunSummary shown = chosen.get();
        work.run("Reading runbook runs", () -> {
                    List<RunSummary> found = runs.summaries(env.name()).stream()
                            .filter(r -> RunbookRun.TYPE.equals(r.operationType()) && name.equals(r.parameters().get("runbook"))).toList();
                    RunSummary next = shown == null ? null : found.stream().filter(r -> r.id().equals(shown.id())).findFirst().orElse(null);
                    if (next == null || (!found.isEmpty() && found.get(0).startedAt().isAfter(next.startedAt()))) {
                        next = found.isEmpty() ? null : found.get(0);
                    }
                    return new Runs(found, next == null ? null : runs.read(next.id()));
                })
                .onSuccess(found -> {
                    reading = false;
                    if (env != environment.get() || entry != selected.get()) {
                        return;
                    }
                    history.setAll(found.history());
                    run.set(found.shown());
                    chosen.set(found.shown() == null ? null
                            : found.history().stream().filter(r -> r.id().equals(found.shown().id())).findFirst().orElse(null));
                })
                .onFailure(e -> {
                    reading = false;
                    error.set(e.getMessage());
                })
                .start();
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
