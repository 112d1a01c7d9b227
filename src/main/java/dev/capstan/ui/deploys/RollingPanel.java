package dev.capstan.ui.deploys;

import dev.capstan.domain.Visible;
import atlantafx.base.theme.Styles;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.deploy.ImageChoice;
import dev.capstan.ops.deploy.RevisionHistory;
import dev.capstan.ops.rolling.RollingPicture;
import dev.capstan.ui.common.Columns;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * A service ECS rolls out: what it is set to and serves, the revisions its tasks run while a rollout is under way, each task
 * with its target's health, ECS's events, and the deploy history with each outcome.
 */
final class RollingPanel extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Label serving = new Label();
    private final Label revisions = new Label();
    private final Label stage = new Label();
    private final TableView<Row> tasks = new TableView<>();
    private final ListView<String> events = new ListView<>();
    private final TableView<RevisionHistory.Deployed> history = new TableView<>();

    /** A task as the table shows it, with its target's state read from the same picture. */
    record Row(ServiceTask task, String revision, boolean fresh, String target) {
    }

    RollingPanel() {
        super(6);
        setId("rolling-panel");
        setPadding(new Insets(12));
        setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 8; -fx-border-radius: 8; -fx-border-color: -color-border-muted;");
        serving.setId("rolling-serving");
        serving.getStyleClass().add(Styles.TEXT_BOLD);
        serving.setWrapText(true);
        revisions.setId("rolling-revisions");
        revisions.setWrapText(true);
        stage.setId("rolling-stage");
        stage.setWrapText(true);
        stage.managedProperty().bind(stage.visibleProperty());
        tasks.setId("rolling-tasks");
        tasks.setPlaceholder(new Label("The service runs no tasks."));
        tasks.getStyleClass().add(Styles.DENSE);
        tasks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tasks.getColumns().setAll(List.of(
                Columns.text("Task", 90, (Row r) -> r.task().shortId()),
                Columns.text("Revision", 150, (Row r) -> r.revision() + (r.fresh() ? "  (new)" : "")),
                Columns.text("Status", 150, (Row r) -> r.task().lastStatus() + (r.task().desiredStatus().equals(r.task().lastStatus())
                        ? "" : " → " + r.task().desiredStatus())),
                Columns.text("Target", 180, Row::target),
                Columns.text("Stopped because", 260, (Row r) -> r.task().stoppedReason() == null ? "" : r.task().stoppedReason())));
        events.setId("rolling-events");
        events.setPlaceholder(new Label("ECS reports no events for this service."));
        history.setId("rolling-history");
        history.setPlaceholder(new Label("No deploy of this environment in the journals yet."));
        history.getStyleClass().add(Styles.DENSE);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().setAll(List.of(
                Columns.text("When", 140, (RevisionHistory.Deployed d) -> d.when() == null ? "" : WHEN.format(d.when())),
                Columns.text("Who", 140, RevisionHistory.Deployed::who),
                Columns.text("Kind", 70, (RevisionHistory.Deployed d) -> d.rollback() ? "rollback" : "deploy"),
                Columns.text("Image", 170, (RevisionHistory.Deployed d) -> ImageChoice.shortName(d.image())),
                Columns.text("Revision", 120, (RevisionHistory.Deployed d) -> d.revision() == null ? "" : TaskDefinitionNames.familyRevision(d.revision())),
                Columns.text("Outcome", 300, (RevisionHistory.Deployed d) -> d.outcome() + (d.error() == null ? "" : ": " + d.error()))));
        TabPane tabs = new TabPane(new Tab("Tasks", tasks), new Tab("Events", events), new Tab("History", history));
        tabs.setId("rolling-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(210);
        tabs.setMinHeight(170);
        getChildren().addAll(serving, stage, revisions, tabs);
    }

    void show(RollingPicture picture) {
        ServiceRollout r = picture.rollout();
        String set = TaskDefinitionNames.familyRevision(r.taskDefinition());
        serving.setText(set + " · " + ImageChoice.shortName(picture.image()) + " · " + r.runningCount() + " of " + r.desiredCount()
                + " tasks running · ECS rolls it out keeping at least " + r.minimumHealthy() + "%, at most " + r.maximum() + "%"
                + (r.minimumHealthyPercent() == null ? " (ECS's defaults)" : "")
                + (r.circuitBreaker() == null ? "" : Boolean.TRUE.equals(r.circuitBreaker()) ? " · circuit breaker on" : " · no circuit breaker"));
        stage.setVisible(!r.strategy().rolling());
        stage.setText("ECS deploys it " + r.strategy().describe() + picture.serviceDeployment().map(d -> " · deployment "
                + d.arn().substring(d.arn().lastIndexOf('/') + 1) + ": " + d.status() + (d.stage() == null ? "" : " at " + d.stage())
                + (d.inProgress() ? " · " + d.trafficShifted(r.strategy()) : "")
                + d.bakeLeft(r.strategy(), Instant.now()).map(left -> " · " + RunReport.human(left) + " of bake time left").orElse(""))
                .orElse(" · no deployment reported yet"));
        Map<String, Long> running = picture.revisionsRunning();
        revisions.setText(picture.settled() ? "Settled: every task runs " + set + ", every target healthy."
                : "Rollout under way: " + running.entrySet().stream().map(e -> TaskDefinitionNames.familyRevision(e.getKey())
                        + (e.getKey().equals(r.taskDefinition()) ? " (new) " : " ") + e.getValue() + " running").collect(Collectors.joining(" · "))
                + r.primary().filter(d -> r.taskDefinition().equals(d.taskDefinition()) && d.rolloutState() != null)
                        .map(d -> " · ECS: " + d.rolloutState() + (d.failedTasks() > 0 ? ", " + d.failedTasks() + " failed" : "")).orElse(""));
        revisions.getStyleClass().setAll("label", picture.settled() ? Styles.SUCCESS : Styles.WARNING);
        tasks.getItems().setAll(picture.tasks().stream().limit(30).map(t -> new Row(t, t.taskDefinition() == null ? "?"
                : TaskDefinitionNames.familyRevision(t.taskDefinition()), r.taskDefinition().equals(t.taskDefinition()), picture.targetState(t))).toList());
        events.getItems().setAll(r.events().stream().map(e -> (e.at() == null ? "" : WHEN.format(e.at()) + "  ") + Visible.text(e.message())).toList());
        history.getItems().setAll(picture.history());
    }
}
