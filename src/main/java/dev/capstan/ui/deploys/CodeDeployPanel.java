package dev.capstan.ui.deploys;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.codedeploy.CodeDeployPicture;
import dev.capstan.ops.deploy.ImageChoice;
import dev.capstan.ui.common.Columns;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A service deployed through CodeDeploy: its application and deployment group, what it serves, where the newest deployment
 * is (its lifecycle events with their hooks, the original and replacement task sets with their share of production traffic,
 * the wait for approval with its time left, CodeDeploy's reason and rollback when it failed), and the recent deployments.
 */
final class CodeDeployPanel extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Label serving = new Label();
    private final Label group = new Label();
    private final Label deployment = new Label();
    private final TableView<Event> events = new TableView<>();
    private final TableView<CodeDeployment.TaskSet> taskSets = new TableView<>();
    private final TableView<CodeDeployment> recent = new TableView<>();
    /** The picture shown, for the cells that read beyond their row (a task set's targets). */
    private CodeDeployPicture picture;

    /** A lifecycle event as the table shows it, with the hook the AppSpec runs at it. */
    record Event(CodeDeployment.Event event, String hook) {
    }

    CodeDeployPanel() {
        super(6);
        setId("codedeploy-panel");
        setPadding(new Insets(12));
        setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 8; -fx-border-radius: 8; -fx-border-color: -color-border-muted;");
        serving.setId("codedeploy-serving");
        serving.getStyleClass().add(Styles.TEXT_BOLD);
        group.setId("codedeploy-group");
        group.getStyleClass().add(Styles.TEXT_MUTED);
        deployment.setId("codedeploy-deployment");
        for (Label line : new Label[] {serving, group, deployment}) {
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
        }
        events.setId("codedeploy-events");
        events.setPlaceholder(new Label("CodeDeploy reports no lifecycle events for this deployment yet."));
        events.getStyleClass().add(Styles.DENSE);
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        events.getColumns().setAll(List.of(
                Columns.text("Lifecycle event", 170, (Event e) -> e.event().name()),
                Columns.text("Status", 100, (Event e) -> e.event().status()),
                Columns.text("Hook", 200, Event::hook),
                Columns.text("Started", 90, (Event e) -> e.event().start() == null ? "" : TIME.format(e.event().start())),
                Columns.text("Ended", 90, (Event e) -> e.event().end() == null ? "" : TIME.format(e.event().end())),
                Columns.text("Diagnostics", 260, (Event e) -> e.event().diagnostics() == null ? "" : e.event().diagnostics())));
        taskSets.setId("codedeploy-task-sets");
        taskSets.setPlaceholder(new Label("No task set is part of this deployment yet."));
        taskSets.getStyleClass().add(Styles.DENSE);
        taskSets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        taskSets.getColumns().setAll(List.of(
                Columns.text("Task set", 90, (CodeDeployment.TaskSet s) -> s.label().equalsIgnoreCase("BLUE") ? "original" : "replacement"),
                Columns.text("Id", 190, CodeDeployment.TaskSet::id),
                Columns.text("Status", 90, CodeDeployment.TaskSet::status),
                Columns.text("Production traffic", 130, (CodeDeployment.TaskSet s) -> Math.round(s.trafficWeight()) + "%"),
                Columns.text("Running", 90, (CodeDeployment.TaskSet s) -> s.running() + " of " + s.desired()),
                Columns.text("Target group", 180, (CodeDeployment.TaskSet s) -> s.targetGroup() == null ? "" : s.targetGroup()),
                Columns.text("Targets", 120, (CodeDeployment.TaskSet s) -> picture == null ? "" : picture.health(s))));
        recent.setId("codedeploy-recent");
        recent.setPlaceholder(new Label("CodeDeploy has no deployment of this group yet."));
        recent.getStyleClass().add(Styles.DENSE);
        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recent.getColumns().setAll(List.of(
                Columns.text("Deployment", 280, CodeDeployment::id),
                Columns.text("Created", 150, (CodeDeployment d) -> when(d.created())),
                Columns.text("Status", 90, CodeDeployment::status),
                Columns.text("Revision", 140, (CodeDeployment d) -> d.taskDefinition() == null ? "" : TaskDefinitionNames.familyRevision(d.taskDefinition())),
                Columns.text("By", 130, (CodeDeployment d) -> d.creator() == null ? "" : d.creator()),
                Columns.text("Reason", 300, (CodeDeployment d) -> d.errorMessage() == null ? "" : d.errorMessage())));
        TabPane tabs = new TabPane(new Tab("Lifecycle", events), new Tab("Task sets", taskSets), new Tab("Recent deployments", recent));
        tabs.setId("codedeploy-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(250);
        tabs.setMinHeight(220);
        getChildren().addAll(serving, group, deployment, tabs);
    }

    void show(CodeDeployPicture picture) {
        this.picture = picture;
        serving.setText("Serving " + TaskDefinitionNames.familyRevision(picture.serving()) + " · " + ImageChoice.shortName(picture.image()));
        group.setText("CodeDeploy " + picture.group().label() + " · " + picture.group().config() + (picture.group().waitsForApproval()
                ? " · waits up to " + picture.group().approvalWait().toMinutes() + " min for approval" : "")
                + (picture.group().autoRollback() ? " · rolls back on failure" : ""));
        CodeDeployment d = picture.current();
        if (d == null) {
            deployment.setText("No deployment yet: Deploy… below creates the first.");
            deployment.getStyleClass().setAll("label");
            events.getItems().clear();
            taskSets.getItems().clear();
        } else {
            deployment.setText(line(d, picture));
            deployment.getStyleClass().setAll("label", d.succeeded() ? Styles.SUCCESS : d.active() ? Styles.WARNING : Styles.DANGER);
            events.getItems().setAll(d.events().stream().map(e -> new Event(e, d.hookOf(e.name()).orElse(""))).toList());
            taskSets.getItems().setAll(d.taskSets());
        }
        recent.getItems().setAll(picture.recent());
    }

    private static String line(CodeDeployment d, CodeDeployPicture picture) {
        String what = "Deployment " + d.id() + (d.taskDefinition() == null ? "" : " of " + TaskDefinitionNames.familyRevision(d.taskDefinition()));
        if (d.waitingForApproval()) {
            return what + ": the replacement is ready and takes test traffic; waiting for someone to reroute production traffic"
                    + picture.approvalLeft().map(left -> " (" + RunReport.human(left) + " left before CodeDeploy stops it)").orElse("") + ".";
        }
        if (d.active()) {
            return what + ": " + d.status() + d.events().stream().filter(e -> "InProgress".equals(e.status())).findFirst().map(e -> " at " + e.name()).orElse("")
                    + d.replacement().map(r -> " · replacement " + r.running() + " of " + r.desired() + " running, " + Math.round(r.trafficWeight())
                    + "% of production traffic").orElse("");
        }
        return what + ": " + d.status() + (d.completed() == null ? "" : " at " + when(d.completed()))
                + (d.errorMessage() == null ? "" : " · " + d.errorMessage())
                + (d.rollbackDeploymentId() == null ? "" : " · rolled back by " + d.rollbackDeploymentId());
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
