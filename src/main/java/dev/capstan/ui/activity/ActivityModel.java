package dev.capstan.ui.activity;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LockRecord;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.history.TeamHistory;
import dev.capstan.ops.runbook.RunbookRecord;
import dev.capstan.ops.lock.LockSpot;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.LatestRead;
import dev.capstan.ui.runs.RunLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every run from the journals, the one chosen with its Markdown, the deploy lock of the current
 * environment, and the actions a person can take on a run. No nodes, so it tests without a screen.
 */
public final class ActivityModel {
    private final RunLauncher launcher;
    private final BackgroundWork work;
    private final RunReport report = new RunReport(ZoneId.systemDefault());
    private final ObjectProperty<Environment> environment;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty markdown = new SimpleStringProperty(this, "markdown", "");
    private final StringProperty interrupted = new SimpleStringProperty(this, "interrupted", "");
    private final ObjectProperty<List<RunSummary>> interruptedRuns = new SimpleObjectProperty<>(this, "interruptedRuns", List.of());
    private final StringProperty lockStatus = new SimpleStringProperty(this, "lockStatus", "");
    private final BooleanProperty lockTableMissing = new SimpleBooleanProperty(this, "lockTableMissing");
    private final StringProperty historyStatus = new SimpleStringProperty(this, "historyStatus", "");
    private final BooleanProperty historyTableMissing = new SimpleBooleanProperty(this, "historyTableMissing");
    private final TeamHistory history;
    private final LatestRead historyReads;
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    /** Runs whose journal is being read now, and those with news since that read began (FX thread only). */
    private final LatestRead lockReads;
    private final java.util.Set<String> reading = new java.util.HashSet<>();
    private final java.util.Set<String> again = new java.util.HashSet<>();
    /**
     * The run to show, by id (FX thread only): the one last chosen in the list or started in this console. Kept apart from
     * {@link #selected}, which holds that run once its journal is read, so news of another run never takes its place.
     */
    private final StringProperty shownId = new SimpleStringProperty(this, "shownId");
    /** True while the list is updated from the journals: a table's selection moves with its rows then, and that is no one's choice. */
    private boolean updating;

    public ActivityModel(RunLauncher launcher, BackgroundWork work, ObjectProperty<Environment> environment, TeamHistory history) {
        this.launcher = launcher;
        this.work = work;
        this.history = history;
        this.lockReads = new LatestRead(work, environment);
        this.historyReads = new LatestRead(work, environment);
        this.environment = environment;
        selected.addListener((obs, old, run) -> markdown.set(run == null ? "" : RunbookRecord.of(run, report.zone())));
        environment.addListener((obs, old, env) -> {
            lockStatus.set("");
            lockTableMissing.set(false);
            historyTableMissing.set(false);
            refreshLock();
            refreshHistory();
        });
        launcher.listen(new RunLauncher.Events() {
            @Override
            public void runStarted(String runId) {
                show(runId);
            }

            @Override
            public void runChanged(String runId) {
                refreshRun(runId);
            }

            @Override
            public void problem(String text) {
                message.set(text);
            }
        });
    }

    /** Lists the runs again from the history's index (only journals that changed are read); keeps the chosen run chosen. */
    public void refresh() {
        work.run("Reading the run history", () -> launcher.runner().store().summaries())
                .onSuccess(list -> {
                    update(() -> runs.setAll(list));
                    showInterrupted();
                    if (shownId.get() != null) {
                        refreshRun(shownId.get());
                    }
                })
                .onFailure(error -> message.set(error.getMessage()))
                .start();
        refreshLock();
        refreshHistory();
    }

    /** Where the environment's runs are shared with the team, and what has not reached the table yet; said once, above the runs. */
    public void refreshHistory() {
        Environment env = environment.get();
        if (env == null) {
            historyReads.drop();
            historyStatus.set("");
            return;
        }
        historyReads.read("Reading how " + env.name() + "'s history is shared", () -> history.status(env), status -> {
            historyTableMissing.set(status.shared() && !status.tableExists());
            historyStatus.set(status.sentence());
        }, error -> historyStatus.set("Team history unknown: " + error.getMessage()));
    }

    public void createHistoryTable() {
        Environment env = environment.get();
        work.run("Creating the history table of " + env.name(), () -> {
                    history.createTable(env);
                    return env;
                })
                .onSuccess(done -> refresh())
                .onFailure(error -> message.set(error.getMessage()))
                .start();
    }

    /** Shows one run whole: its steps, their log lines, its record. */
    public void choose(RunSummary run) {
        if (!updating && run != null && !run.id().equals(shownId.get())) {
            show(run.id());
        }
    }

    private void update(Runnable change) {
        updating = true;
        try {
            change.run();
        } finally {
            updating = false;
        }
    }

    private void show(String runId) {
        shownId.set(runId);
        refreshRun(runId);
    }

    /**
     * A run moved on (a step, a log line, its end): its own journal is read again, not every journal, and
     * the deploy lock only when the run appeared or its outcome changed, when the lock may have changed hands.
     * The run is updated in its row (added if new) and shown only if it is the one to show.
     * While one read of a run is under way, more news of it waits for that read, then reads once.
     */
    private void refreshRun(String runId) {
        if (!reading.add(runId)) {
            again.add(runId);
            return;
        }
        work.run("Reading run " + runId, () -> launcher.runner().store().read(runId))
                .onSuccess(run -> {
                    finishedReading(runId);
                    int at = indexOf(runId);
                    RunOutcome before = at < 0 ? null : runs.get(at).outcome();
                    RunSummary row = RunSummary.of(run);
                    update(() -> {
                        if (at < 0) {
                            runs.add(0, row);
                        } else {
                            // A run of another console read again is still that console's.
                            runs.set(at, runs.get(at).elsewhere() ? row.onConsole(runs.get(at).console()) : row);
                        }
                    });
                    showInterrupted();
                    if (runId.equals(shownId.get())) {
                        selected.set(run);
                    }
                    if (before != run.outcome()) {
                        refreshLock();
                    }
                })
                .onFailure(error -> {
                    finishedReading(runId);
                    message.set(error.getMessage());
                })
                .start();
    }

    private void finishedReading(String runId) {
        reading.remove(runId);
        if (again.remove(runId)) {
            refreshRun(runId);
        }
    }

    private int indexOf(String runId) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    private void showInterrupted() {
        List<RunSummary> unfinished = runs.stream().filter(r -> r.outcome() == RunOutcome.INTERRUPTED).toList();
        interruptedRuns.set(unfinished);
        interrupted.set(interruptedSentence(unfinished, "Choose it below, then Resume or Start over."));
    }

    /** The interrupted runs as news, with what to do about them where the sentence is shown; empty when there are none. */
    public static String interruptedSentence(List<RunSummary> unfinished, String whatToDo) {
        return unfinished.isEmpty() ? "" : unfinished.size() + (unfinished.size() == 1 ? " run was" : " runs were")
                + " interrupted: " + String.join("; ", unfinished.stream().map(r -> r.title() + " (" + r.id()
                + (r.elsewhere() ? ", on " + r.console() : "") + ")").toList()) + ". " + whatToDo;
    }

    public void refreshLock() {
        Environment env = environment.get();
        if (env == null || env.lockTable() == null) {
            lockReads.drop();
            lockTableMissing.set(false);
            lockStatus.set(env == null ? "" : env.name() + " names no lockTable: runs there take no deploy lock.");
            return;
        }
        lockReads.read("Reading the deploy lock of " + env.name(), () -> {
            LockSpot spot = LockSpot.of(env, launcher.runner().targets().of(env)).orElseThrow();
            if (!launcher.runner().lock().tableExists(spot)) {
                return new LockView(spot, false, Optional.empty());
            }
            return new LockView(spot, true, launcher.runner().lock().status(spot));
        }, view -> {
            lockTableMissing.set(!view.tableExists());
            lockStatus.set(view.describe());
        }, error -> lockStatus.set("Deploy lock unknown: " + error.getMessage()));
    }

    private static final java.time.format.DateTimeFormatter SINCE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

    private record LockView(LockSpot spot, boolean tableExists, Optional<LockRecord> holder) {
        String describe() {
            if (!tableExists) {
                return "The lock table " + spot.table() + " does not exist yet.";
            }
            return holder.map(h -> "Deploy lock " + spot.key() + " held by " + h.owner() + " for run " + h.runId() + " (" + h.operation()
                    + ") since " + SINCE.format(h.acquiredAt())).orElse("Deploy lock " + spot.key() + " is free.");
        }
    }

    public void createLockTable() {
        Environment env = environment.get();
        work.run("Creating the lock table of " + env.name(), () -> {
                    launcher.runner().lock().createTable(LockSpot.of(env, launcher.runner().targets().of(env)).orElseThrow());
                    return env;
                })
                .onSuccess(done -> refreshLock())
                .onFailure(error -> message.set(error.getMessage()))
                .start();
    }

    /** Resumes the chosen run in the workspace environment it ran in. */
    public void resumeSelected(List<Environment> environments) {
        inItsEnvironment(environments).ifPresent(env -> launcher.resume(selected.get(), env));
    }

    public void startOverSelected(List<Environment> environments) {
        inItsEnvironment(environments).ifPresent(env -> launcher.startOver(selected.get(), env));
    }

    private Optional<Environment> inItsEnvironment(List<Environment> environments) {
        RunRecord run = selected.get();
        Optional<Environment> env = environments.stream().filter(e -> e.name().equals(run.environment())).findFirst();
        if (env.isEmpty()) {
            message.set("Run " + run.id() + " ran in " + run.environment() + ", which the open workspace does not have; open the workspace it came from.");
        }
        return env;
    }

    public void cancelSelected() {
        launcher.cancel(selected.get().id());
    }

    public boolean runningHere(RunRecord run) {
        return run != null && launcher.isRunningHere(run.id());
    }

    public void export(Path file, boolean json) throws IOException {
        RunRecord run = selected.get();
        Files.writeString(file, json ? RunReport.json(run) : RunbookRecord.of(run, report.zone()), StandardCharsets.UTF_8);
        notice.set("Saved run " + run.id() + " to " + file);
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The id of the run to show, set as soon as it is chosen or started: the list selects its row by it. */
    public javafx.beans.property.ReadOnlyStringProperty shownIdProperty() {
        return shownId;
    }

    public ObjectProperty<RunRecord> selectedProperty() {
        return selected;
    }

    public StringProperty markdownProperty() {
        return markdown;
    }

    public StringProperty interruptedProperty() {
        return interrupted;
    }

    /** The runs interrupted in this state directory, for news elsewhere in the console. */
    public ObjectProperty<List<RunSummary>> interruptedRunsProperty() {
        return interruptedRuns;
    }

    public StringProperty lockStatusProperty() {
        return lockStatus;
    }

    public BooleanProperty lockTableMissingProperty() {
        return lockTableMissing;
    }

    public StringProperty historyStatusProperty() {
        return historyStatus;
    }

    public BooleanProperty historyTableMissingProperty() {
        return historyTableMissing;
    }

    /** News that is not a problem, such as where a report was saved. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }
}
