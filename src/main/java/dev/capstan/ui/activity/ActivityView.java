package dev.capstan.ui.activity;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.StepRecord;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.shell.AppView;
import java.io.File;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every run: when, who, where, what and how it ended. One run opened shows each step with its outcome
 * and log, and exports as Markdown for a release issue or as JSON. Interrupted and failed runs offer
 * Resume and Start over; a run going on here offers Cancel.
 */
public final class ActivityView implements AppView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final ActivityModel model;
    /** Other consoles' runs arrive without a journal here to announce them: while Activity is in front it lists again every so often. */
    private final javafx.animation.Timeline teamTicker = new javafx.animation.Timeline();
    private final Supplier<java.util.List<Environment>> environments;
    private final Runnable scaleService;
    private final Runnable runTask;
    private final java.util.function.Consumer<String> openLog;
    private final VBox root = new VBox(8);
    private final TableView<RunSummary> table = new TableView<>();

    /**
     * @param environments the open workspace's environments, where a resumed run is looked up by name
     * @param scaleService starts the scale operation's form for the current environment
     * @param runTask      opens the one-off task form for the current environment
     */
    public ActivityView(ActivityModel model, Supplier<java.util.List<Environment>> environments, Runnable scaleService, Runnable runTask,
                        java.util.function.Consumer<String> openLog) {
        this.model = model;
        this.openLog = openLog;
        this.environments = environments;
        this.scaleService = scaleService;
        this.runTask = runTask;
        teamTicker.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(10), e -> model.refresh()));
        teamTicker.setCycleCount(javafx.animation.Timeline.INDEFINITE);
        build();
    }

    @Override
    public String title() {
        return "Activity";
    }

    @Override
    public Ikon icon() {
        return Feather.ACTIVITY;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
        teamTicker.play();
    }

    @Override
    public void hidden() {
        teamTicker.stop();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    private void build() {
        root.setId("activity-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Activity");
        title.getStyleClass().add(Styles.TITLE_3);
        Button scale = new Button("Scale service…", new FontIcon(Feather.SLIDERS));
        scale.setId("scale-service");
        scale.disableProperty().bind(model.environmentProperty().isNull());
        scale.setOnAction(e -> scaleService.run());
        Button task = new Button("Run task…", new FontIcon(Feather.TERMINAL));
        task.setId("run-task");
        task.disableProperty().bind(model.environmentProperty().isNull());
        task.setOnAction(e -> runTask.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, task, scale);
        header.setAlignment(Pos.CENTER_LEFT);

        HBox lockLine = tableLine("lock-status", Feather.LOCK, model.lockStatusProperty(), "create-lock-table", "Create lock table",
                model.lockTableMissingProperty(), model::createLockTable);
        HBox historyLine = tableLine("history-status", Feather.USERS, model.historyStatusProperty(), "create-history-table", "Create history table",
                model.historyTableMissingProperty(), model::createHistoryTable);

        Label interrupted = Columns.messageLine(model.interruptedProperty(), "interrupted-banner", Styles.WARNING, Feather.ALERT_TRIANGLE);
        Label message = Columns.messageLine(model.messageProperty(), "activity-message", Styles.DANGER, Feather.ALERT_CIRCLE);
        Label notice = Columns.messageLine(model.noticeProperty(), "activity-notice", Styles.SUCCESS, Feather.INFO);

        SplitPane split = new SplitPane(runsTable(), detail());
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, lockLine, historyLine, interrupted, message, notice, split);
    }

    /** A line saying how one of Capstan's tables stands, with the button that creates it while it is missing. */
    private static HBox tableLine(String id, Feather icon, javafx.beans.value.ObservableValue<String> status, String buttonId, String buttonText,
                                  javafx.beans.value.ObservableValue<Boolean> missing, Runnable create) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(icon));
        label.textProperty().bind(status);
        label.setWrapText(true);
        Button button = new Button(buttonText);
        button.setId(buttonId);
        button.visibleProperty().bind(missing);
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> create.run());
        HBox line = new HBox(10, label, button);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private TableView<RunSummary> runsTable() {
        table.setId("runs-table");
        table.setItems(model.runs());
        table.setPlaceholder(new Label("No runs yet. Every operation's run is journaled and listed here."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Started", 128, r -> WHEN.format(r.startedAt())));
        table.getColumns().add(column("Env", 80, RunSummary::environment));
        table.getColumns().add(column("Who", 110, RunSummary::osUser));
        table.getColumns().add(column("Console", 150, r -> r.elsewhere() ? r.console() : "here"));
        table.getColumns().add(outcomeColumn());
        table.getColumns().add(column("Took", 58, r -> r.duration().map(RunReport::human).orElse("")));
        table.getColumns().add(column("Operation", 260, RunSummary::title));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> model.choose(run));
        model.shownIdProperty().addListener((obs, old, id) -> selectRow(id));
        // A row updated in place (the run moved on) is a new item: keep the shown run's row selected.
        model.runs().addListener((javafx.collections.ListChangeListener<RunSummary>) change -> selectRow(model.shownIdProperty().get()));
        return table;
    }

    private void selectRow(String runId) {
        RunSummary row = table.getSelectionModel().getSelectedItem();
        model.runs().stream().filter(r -> r.id().equals(runId)).findFirst().filter(r -> r != row).ifPresent(r -> table.getSelectionModel().select(r));
    }

    /** A column that keeps its width: the runs table scrolls sideways rather than squeeze a time or an outcome. */
    private static TableColumn<RunSummary, String> column(String title, double width, Function<RunSummary, String> value) {
        TableColumn<RunSummary, String> column = Columns.text(title, width, value);
        column.setMinWidth(width);
        return column;
    }

    private static TableColumn<RunSummary, String> outcomeColumn() {
        TableColumn<RunSummary, String> column = column("Outcome", 108, r -> r.outcome().name());
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String outcome, boolean empty) {
                super.updateItem(outcome, empty);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
                if (empty || outcome == null) {
                    setText(null);
                    return;
                }
                setText(outcome);
                getStyleClass().add(switch (RunOutcome.valueOf(outcome)) {
                    case SUCCEEDED -> Styles.SUCCESS;
                    case FAILED -> Styles.DANGER;
                    case INTERRUPTED -> Styles.WARNING;
                    default -> Styles.ACCENT;
                });
            }
        });
        return column;
    }

    private Node detail() {
        Label runTitle = new Label();
        runTitle.setId("run-title");
        runTitle.getStyleClass().add(Styles.TITLE_4);
        runTitle.setWrapText(true);
        Label facts = new Label();
        facts.setId("run-facts");
        facts.setWrapText(true);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        runTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label exitCode = new Label();
        exitCode.setId("run-exit-code");
        exitCode.managedProperty().bind(exitCode.visibleProperty());
        model.selectedProperty().addListener((obs, old, run) -> showExitCode(exitCode, run));
        model.selectedProperty().addListener((obs, old, run) -> {
            runTitle.setText(run == null ? "" : run.title() + ": " + run.outcome());
            facts.setText(run == null ? "" : "Run " + run.id() + " in " + run.environment() + " by " + run.osUser() + " as " + run.callerArn()
                    + (run.error() == null ? "" : "\n" + run.error()));
        });

        Button resume = action("Resume", "resume-run", Feather.PLAY, () -> model.resumeSelected(environments.get()));
        Button startOver = action("Start over", "start-over-run", Feather.ROTATE_CCW, () -> model.startOverSelected(environments.get()));
        Button cancel = action("Cancel run", "cancel-run", Feather.X_OCTAGON, model::cancelSelected);
        resume.getStyleClass().add(Styles.ACCENT);
        cancel.getStyleClass().add(Styles.DANGER);
        Button copy = action("Copy Markdown", "copy-markdown", Feather.CLIPBOARD, () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.markdownProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button saveMarkdown = action("Save Markdown…", "save-markdown", Feather.FILE_TEXT, () -> save(false));
        Button saveJson = action("Save JSON…", "save-json", Feather.CODE, () -> save(true));
        Button log = action("Log", "open-run-log", Feather.ALIGN_LEFT, () -> openLog.accept(model.selectedProperty().get().id()));
        model.selectedProperty().addListener((obs, old, run) -> {
            boolean resumable = run != null && run.outcome().resumable() && !model.runningHere(run);
            resume.setDisable(!resumable);
            startOver.setDisable(!resumable);
            cancel.setDisable(!model.runningHere(run));
            copy.setDisable(run == null);
            saveMarkdown.setDisable(run == null);
            saveJson.setDisable(run == null);
            log.setDisable(run == null);
        });
        for (Button b : new Button[] {resume, startOver, cancel, copy, saveMarkdown, saveJson, log}) {
            b.setDisable(true);
        }
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, resume, startOver, cancel, log, copy, saveMarkdown, saveJson);

        ListView<StepRecord> steps = new ListView<>();
        steps.setId("run-steps");
        steps.setCellFactory(list -> new StepCell());
        model.selectedProperty().addListener((obs, old, run) -> steps.getItems().setAll(run == null ? java.util.List.of() : run.steps()));
        TextArea markdown = new TextArea();
        markdown.setId("run-markdown");
        markdown.setEditable(false);
        markdown.setWrapText(true);
        markdown.textProperty().bind(model.markdownProperty());
        markdown.setStyle("-fx-font-family: monospace;");
        TabPane tabs = new TabPane(new Tab("Steps", steps), new Tab("Markdown", markdown));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("run-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox detail = new VBox(8, runTitle, exitCode, facts, actions, tabs);
        detail.setPadding(new Insets(0, 0, 0, 10));
        return detail;
    }

    /** A run that watched a process (a one-off task) leads with its exit code: the number on-call looks for first. */
    private static void showExitCode(Label label, RunRecord run) {
        java.util.List<String> code = run == null ? null : run.facts().get("exitCode");
        label.setVisible(code != null && !code.isEmpty());
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TITLE_4);
        if (label.isVisible()) {
            java.util.List<String> exits = run.facts().getOrDefault("containerExits", java.util.List.of());
            label.setText("Exit code " + code.get(0) + (exits.isEmpty() ? "" : "   (" + String.join(", ", exits) + ")"));
            label.getStyleClass().addAll("0".equals(code.get(0)) ? Styles.SUCCESS : Styles.DANGER, Styles.TITLE_4);
            label.setGraphic(new FontIcon("0".equals(code.get(0)) ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
        }
    }

    private static Button action(String text, String id, Ikon icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private void save(boolean json) {
        RunRecord run = model.selectedProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save run " + run.id());
        chooser.setInitialFileName("capstan-run-" + run.id() + (json ? ".json" : ".md"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                model.export(file.toPath(), json);
            } catch (IOException e) {
                model.messageProperty().set("Could not save " + file + ": " + e.getMessage());
            }
        }
    }

    /** One step: a state icon, its sentence and what happened, then its log lines. */
    private static final class StepCell extends ListCell<StepRecord> {
        @Override
        protected void updateItem(StepRecord step, boolean empty) {
            super.updateItem(step, empty);
            if (empty || step == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (step.state()) {
                case DONE -> Feather.CHECK_CIRCLE;
                case FAILED -> Feather.X_CIRCLE;
                case RUNNING -> Feather.LOADER;
                case PENDING -> Feather.CIRCLE;
            });
            icon.getStyleClass().add(switch (step.state()) {
                case DONE -> Styles.SUCCESS;
                case FAILED -> Styles.DANGER;
                case RUNNING -> Styles.WARNING;
                case PENDING -> Styles.TEXT_MUTED;
            });
            var p = step.planned();
            StringBuilder text = new StringBuilder(p.number() + ". " + p.sentence());
            if (p.hasChange()) {
                text.append("   [").append(p.before()).append(" → ").append(p.after()).append("]");
            }
            if (step.summary() != null) {
                text.append("\n    ").append(step.summary());
            }
            if (step.error() != null) {
                text.append("\n    ").append(step.error());
            }
            if (step.state() == StepRecord.State.RUNNING) {
                text.append("\n    (running, or interrupted here)");
            }
            step.log().stream().skip(Math.max(0, step.log().size() - 8)).forEach(line -> text.append("\n    | ").append(line));
            // A wrapping label as the graphic: a cell's own text would be cut to one line per entry.
            Label body = new Label(text.toString());
            body.setWrapText(true);
            body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            body.prefWidthProperty().bind(getListView().widthProperty().subtract(64));
            HBox line = new HBox(8, icon, body);
            setText(null);
            setGraphic(line);
        }
    }
}
