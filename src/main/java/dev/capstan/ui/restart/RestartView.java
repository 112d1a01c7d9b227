package dev.capstan.ui.restart;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.StepRecord;
import dev.capstan.ops.metrics.GraphPicture;
import dev.capstan.ops.restart.RestartDefaults;
import dev.capstan.ops.restart.RestartPicture;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.common.Explained;
import dev.capstan.ui.metrics.GraphsModel;
import dev.capstan.ui.metrics.GraphsView;
import dev.capstan.ui.runs.RunLauncher;
import dev.capstan.ui.shell.AppView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The rolling restart on one screen: the form (count, health log line, wait, the group), then, live, the
 * counts (desired, running, new healthy, old remaining, group instances), the step in progress, every
 * target's health with ELB's reason, and the service's log tail. Cancel, and putting counts back after a
 * cancelled or failed restart, are here too.
 */
public final class RestartView implements AppView {
    private final RestartModel model;
    private final RunLauncher launcher;
    private final Runnable showActivity;
    private final VBox root = new VBox(10);
    private final TextField count = new TextField();
    private final TextField healthLine = new TextField();
    private final TextField timeout = new TextField();
    private final CheckBox restoreGroup = new CheckBox();
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final RestartForm form;
    private final TableView<RestartPicture.TargetRow> targets = new TableView<>();
    private final Tiles tiles = new Tiles();
    private final GraphsModel graphs;

    public RestartView(RestartModel model, GraphsModel graphs, RunLauncher launcher, Runnable showActivity) {
        this.model = model;
        this.graphs = graphs;
        graphs.runProperty().bind(model.runProperty());
        graphs.spanProperty().set(GraphsModel.Span.SINCE_RUN);
        this.launcher = launcher;
        this.showActivity = showActivity;
        this.form = new RestartForm(model.restarts());
        build();
        model.defaultsProperty().addListener((obs, old, defaults) -> form.fill(defaults));
        model.pictureProperty().addListener((obs, old, picture) -> show(picture));
    }

    @Override
    public String title() {
        return "Restart";
    }

    @Override
    public Ikon icon() {
        return Feather.REFRESH_CW;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.setActive(true);
        graphs.setActive(true);
    }

    @Override
    public void hidden() {
        model.setActive(false);
        graphs.setActive(false);
    }

    @Override
    public void refresh() {
        model.refresh();
        graphs.refresh();
    }

    private void build() {
        root.setId("restart-view");
        root.setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Environment env = model.environmentProperty().get();
            return env == null ? "Restart" : "Restart " + (env.service() == null ? "" : env.service() + " on ") + env.name();
        }, model.environmentProperty()));
        Label explain = new Label("New tasks start beside the old ones; once they are healthy the old ones stop and the counts go back.");
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        explain.setWrapText(true);

        Label notes = new Label();
        notes.setId("restart-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add(Styles.TEXT_MUTED);
        notes.textProperty().bind(Bindings.createStringBinding(() -> {
            RestartDefaults d = model.defaultsProperty().get();
            return d == null ? "" : String.join(" ", d.notes());
        }, model.defaultsProperty()));
        notes.managedProperty().bind(notes.textProperty().isNotEmpty());

        root.getChildren().addAll(title, explain, form(), notes,
                Columns.messageLine(problem, "restart-problem", Styles.DANGER, Feather.ALERT_CIRCLE),
                Columns.errorLine(model.errorProperty(), "restart-error"), runLine(), tiles.node());
        // The graphs beside the log: what the restart does to the service's hosts and load, marked with its steps.
        SplitPane below = new SplitPane(new GraphsView(graphs, "restart-graphs", GraphPicture.Chart.HOSTS).node(), logTail());
        below.setDividerPositions(0.6);
        SplitPane split = new SplitPane(targetsTable(), below);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.33);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().add(split);
    }

    private Node form() {
        count.setId("restart-count");
        count.setPrefColumnCount(4);
        healthLine.setId("restart-health-line");
        healthLine.setPromptText("e.g. HealthCheckService (optional)");
        healthLine.setPrefColumnCount(18);
        timeout.setId("restart-timeout");
        timeout.setPrefColumnCount(5);
        restoreGroup.setId("restart-restore-group");
        restoreGroup.managedProperty().bind(restoreGroup.visibleProperty());
        count.textProperty().bindBidirectional(form.countProperty());
        healthLine.textProperty().bindBidirectional(form.healthLogPatternProperty());
        timeout.textProperty().bindBidirectional(form.timeoutProperty());
        restoreGroup.selectedProperty().bindBidirectional(form.restoreGroupProperty());
        Explained.by(model.restarts().declaration(), count, "count");
        Explained.by(model.restarts().declaration(), healthLine, "health-log-pattern");
        Explained.by(model.restarts().declaration(), timeout, "timeout");
        restoreGroup.visibleProperty().bind(form.hasGroupProperty());
        restoreGroup.textProperty().bind(form.restoreGroupTextProperty());
        Button plan = new Button("Plan restart…", new FontIcon(Feather.PLAY));
        plan.setId("restart-plan");
        plan.getStyleClass().add(Styles.ACCENT);
        plan.disableProperty().bind(Bindings.createBooleanBinding(() -> model.environmentProperty().get() == null
                || running(model.runProperty().get()), model.environmentProperty(), model.runProperty()));
        plan.setOnAction(e -> plan());
        // A flow, so a narrow window wraps the fields onto a second line instead of cutting their labels short.
        FlowPane row = new FlowPane(8, 6, field("Tasks side by side", count), field("Health log line", healthLine),
                field("Wait at most", timeout), restoreGroup, plan);
        row.setAlignment(Pos.CENTER_LEFT);
        keepWidth(restoreGroup, plan);
        return row;
    }

    private static HBox field(String label, Node input) {
        Label caption = new Label(label);
        keepWidth(caption);
        HBox field = new HBox(6, caption, input);
        field.setAlignment(Pos.CENTER_LEFT);
        return field;
    }

    private static void keepWidth(Region... nodes) {
        for (Region node : nodes) {
            node.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private void plan() {
        Environment env = model.environmentProperty().get();
        problem.set("");
        try {
            launcher.launch("restart " + env.name(), form.restart(env), () -> { }, problem::set);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    /** The latest restart run: its outcome, the step in progress with its newest line, and what can be done about it. */
    private Node runLine() {
        Label status = new Label();
        status.setId("restart-run-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> describe(model.runProperty().get()), model.runProperty()));
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("restart-cancel");
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            RunRecord run = model.runProperty().get();
            return running(run) && launcher.isRunningHere(run.id());
        }, model.runProperty()));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> launcher.cancel(model.runProperty().get().id()));
        Button putBack = new Button("Put counts back…", new FontIcon(Feather.ROTATE_CCW));
        putBack.setId("restart-put-back");
        putBack.visibleProperty().bind(Bindings.createBooleanBinding(() -> canPutBack(model.runProperty().get()), model.runProperty()));
        putBack.managedProperty().bind(putBack.visibleProperty());
        putBack.setOnAction(e -> putBack(model.runProperty().get()));
        Button activity = new Button("Open in Activity", new FontIcon(Feather.ACTIVITY));
        activity.visibleProperty().bind(model.runProperty().isNotNull());
        activity.managedProperty().bind(activity.visibleProperty());
        activity.setOnAction(e -> showActivity.run());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        keepWidth(cancel, putBack, activity);
        HBox line = new HBox(8, status, cancel, putBack, activity);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static boolean running(RunRecord run) {
        return run != null && run.outcome() == RunOutcome.RUNNING;
    }

    private static boolean canPutBack(RunRecord run) {
        return run != null && (run.outcome().unfinished() || run.outcome() == RunOutcome.CANCELLED) && run.facts().containsKey("originalDesiredCount");
    }

    /** Ends the restart (so it no longer asks to be resumed) once the person confirmed, then puts its counts back. */
    private void putBack(RunRecord run) {
        Environment env = model.environmentProperty().get();
        problem.set("");
        launcher.launch("put the counts back", () -> model.restarts().putBack(run, env), () -> {
            if (run.outcome().unfinished()) {
                launcher.runner().abandon(run.id(), env, "its counts were put back from the restart screen");
            }
        }, problem::set);
    }

    static String describe(RunRecord run) {
        if (run == null) {
            return "No restart of this environment yet.";
        }
        String head = "Restart " + run.id() + ", " + run.outcome().name().toLowerCase(java.util.Locale.ROOT);
        if (run.outcome() == RunOutcome.RUNNING) {
            return run.steps().stream().filter(s -> s.state() == StepRecord.State.RUNNING).findFirst()
                    .map(s -> head + ": step " + s.planned().number() + " of " + run.steps().size() + ", " + s.planned().sentence()
                            + (s.log().isEmpty() ? "" : " (" + s.log().get(s.log().size() - 1) + ")"))
                    .orElse(head);
        }
        String took = run.duration().map(d -> " in " + dev.capstan.ops.RunReport.human(d)).orElse("");
        return run.error() == null || run.error().isBlank() ? head + took : head + took + ": " + run.error();
    }

    private Node targetsTable() {
        targets.setId("restart-targets");
        targets.setPlaceholder(new Label("The service has no targets in its target groups."));
        targets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        targets.getColumns().add(Columns.text("Target", 150, RestartPicture.TargetRow::address));
        targets.getColumns().add(Columns.text("Target group", 150, RestartPicture.TargetRow::targetGroup));
        targets.getColumns().add(Columns.text("Task", 90, r -> r.task() == null ? "—" : r.task().shortId()));
        targets.getColumns().add(Columns.text("Task is", 80, r -> r.task() == null ? "gone" : r.oldTask() ? "old" : ageOf(r)));
        TableColumn<RestartPicture.TargetRow, String> health = Columns.text("Health", 360, RestartPicture.TargetRow::stateWithReason);
        health.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // The theme's colour names, so dark mode gets its own shades.
                setStyle(empty || text == null ? "" : "-fx-text-fill: " + (text.startsWith("healthy") ? "-color-success-fg"
                        : text.startsWith("unhealthy") ? "-color-danger-fg" : "-color-warning-fg") + ";");
            }
        });
        targets.getColumns().add(health);
        VBox box = new VBox(4, section("Targets"), targets);
        VBox.setVgrow(targets, Priority.ALWAYS);
        return box;
    }

    /** With no restart going on every task is simply running; during one the new ones are told apart from the old. */
    private String ageOf(RestartPicture.TargetRow row) {
        return RestartModel.tellsOldFromNew(model.runProperty().get()) ? "new" : "running";
    }

    private Node logTail() {
        ListView<String> lines = new ListView<>(model.logLines());
        lines.setId("restart-log");
        lines.getStyleClass().add(Styles.DENSE);
        lines.setPlaceholder(new Label("No log lines from the service in the last five minutes."));
        lines.setStyle("-fx-font-family: monospace;");
        model.logLines().addListener((javafx.collections.ListChangeListener<String>) change -> {
            if (!lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        });
        VBox box = new VBox(4, section("Service log"), lines);
        VBox.setVgrow(lines, Priority.ALWAYS);
        return box;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private void show(RestartPicture picture) {
        if (picture == null) {
            targets.getItems().clear();
            tiles.clear();
            return;
        }
        targets.getItems().setAll(picture.targets());
        tiles.show(picture, model.runProperty().get());
    }
}
