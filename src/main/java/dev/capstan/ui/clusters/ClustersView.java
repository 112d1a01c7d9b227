package dev.capstan.ui.clusters;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.ClusterSummary;
import dev.capstan.domain.ServiceDetail;
import dev.capstan.domain.TaskDetail;
import dev.capstan.domain.Visible;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.metrics.GraphsModel;
import dev.capstan.ui.metrics.GraphsView;
import dev.capstan.ui.shell.AppView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * Clusters → services → tasks, quicker to read than the AWS console: counts, rollout state and the
 * latest events of the chosen service; last and desired status, health, IP, and for a stopped task
 * why it stopped and each container's exit code. Refreshes itself every 10 s while it is in front.
 */
public final class ClustersView implements AppView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    static final javafx.util.Duration AUTO_REFRESH = javafx.util.Duration.seconds(10);
    /** Where the links from a service lead: the other views, opened on the resource. */
    public interface Links {
        void taskDefinition(String arn);

        void targetGroup(String arn);

        /** The live log of a service ({@code task} false, {@code what} its name) or of a task (its ARN). */
        void logs(boolean task, String what);

        /** The one-off task form, from the service's task definition and network. */
        void runTask(String service);
    }

    private final ClustersModel model;
    private final GraphsModel graphs;
    private final Tab graphsTab = new Tab("Graphs");
    private boolean inFront;
    private final Links links;
    private final VBox root = new VBox(8);
    private final Label age = new Label();
    private final Timeline poll;
    private final Timeline tick;

    public ClustersView(ClustersModel model, GraphsModel graphs, Links links) {
        this.model = model;
        this.graphs = graphs;
        this.links = links;
        this.poll = new Timeline(new KeyFrame(AUTO_REFRESH, e -> model.refreshCluster()));
        poll.setCycleCount(Timeline.INDEFINITE);
        this.tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> showAge()));
        tick.setCycleCount(Timeline.INDEFINITE);
        build();
        // A closed window stops the polling, whichever view was in front.
        dev.capstan.ui.common.Windows.onClose(root, this::hidden);
    }

    @Override
    public String title() {
        return "Clusters";
    }

    @Override
    public Ikon icon() {
        return Feather.GRID;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        inFront = true;
        graphs.setActive(graphsTab.isSelected());
        model.activate();
        poll.play();
        tick.play();
    }

    @Override
    public void hidden() {
        inFront = false;
        graphs.setActive(false);
        model.deactivate();
        poll.stop();
        tick.stop();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    private void showAge() {
        Instant read = model.readAtProperty().get();
        age.setText(read == null ? "not read yet" : "updated " + Duration.between(read, Instant.now()).toSeconds() + " s ago");
    }

    private void build() {
        root.setId("clusters-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Clusters");
        title.getStyleClass().add(Styles.TITLE_3);
        TextField filter = new TextField();
        filter.setId("clusters-filter");
        filter.setPromptText("Filter services");
        filter.setPrefWidth(240);
        model.filterProperty().bind(filter.textProperty());
        age.setId("clusters-age");
        age.getStyleClass().add(Styles.TEXT_MUTED);
        model.readAtProperty().addListener((obs, old, now) -> showAge());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, age, filter);
        header.setAlignment(Pos.CENTER_LEFT);

        SplitPane tables = new SplitPane(servicesPanel(), serviceBelow());
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.55);
        SplitPane split = new SplitPane(clustersPanel(), tables);
        split.setDividerPositions(0.16);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, split);
    }

    private Node clustersPanel() {
        ListView<ClusterSummary> list = new ListView<>(model.clusters());
        list.setId("clusters-list");
        list.setPlaceholder(new Label("No clusters read yet"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ClusterSummary c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + "\n" + c.runningTasks() + " running, " + c.pendingTasks() + " pending");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c != null) {
                model.clusterProperty().set(c.name());
            }
        });
        model.clusters().addListener((javafx.collections.ListChangeListener<ClusterSummary>) change ->
                model.clusters().stream().filter(c -> c.name().equals(model.clusterProperty().get())).findFirst()
                        .ifPresent(c -> list.getSelectionModel().select(c)));
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, Columns.errorLine(model.clustersErrorProperty(), "clusters-error"), list);
    }

    @SuppressWarnings("unchecked")
    private Node servicesPanel() {
        TableView<ServiceDetail> table = new TableView<>();
        table.setId("services-table");
        javafx.collections.transformation.SortedList<ServiceDetail> sorted = new javafx.collections.transformation.SortedList<>(model.services());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No services in this cluster"));
        table.getColumns().addAll(
                Columns.text("Service", 150, ServiceDetail::name),
                Columns.text("Status", 70, ServiceDetail::status),
                Columns.number("Want", 55, ServiceDetail::desired),
                Columns.number("Run", 50, ServiceDetail::running),
                Columns.number("Pend", 50, ServiceDetail::pending),
                Columns.text("Launch", 80, ServiceDetail::launchType),
                Columns.text("Task definition", 160, ServiceDetail::taskDefinitionName),
                Columns.text("Rollout", 110, s -> s.deployments().stream().map(d -> d.status() + " " + d.rolloutState()
                        + " " + d.running() + "/" + d.desired()).collect(Collectors.joining(", "))));
        Columns.copyMenu(table, ServiceDetail::arn, model::cliFor);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> {
            if (s != null) {
                model.serviceProperty().set(s);
            }
        });
        model.serviceProperty().addListener((obs, old, s) -> {
            if (s != null && table.getSelectionModel().getSelectedItem() != s) {
                table.getSelectionModel().select(s);
            }
        });
        TextArea detail = new TextArea();
        detail.setId("service-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPromptText("Choose a service to see its deployments, target groups and latest events");
        model.serviceProperty().addListener((obs, old, s) -> detail.setText(s == null ? "" : describe(s)));
        javafx.scene.control.Button openTaskDefinition = new javafx.scene.control.Button("Revision",
                new org.kordamp.ikonli.javafx.FontIcon(Feather.FILE_TEXT));
        openTaskDefinition.setId("open-task-definition");
        openTaskDefinition.setTooltip(new javafx.scene.control.Tooltip("Open the task definition revision the service runs"));
        openTaskDefinition.setOnAction(e -> links.taskDefinition(model.serviceProperty().get().taskDefinition()));
        javafx.scene.control.Button openTargetGroup = new javafx.scene.control.Button("Targets",
                new org.kordamp.ikonli.javafx.FontIcon(Feather.SHARE_2));
        openTargetGroup.setId("open-target-group");
        openTargetGroup.setTooltip(new javafx.scene.control.Tooltip("Open the service's target group and its targets' health"));
        openTargetGroup.setOnAction(e -> links.targetGroup(model.serviceProperty().get().targetGroupArns().get(0)));
        openTaskDefinition.disableProperty().bind(model.serviceProperty().isNull());
        javafx.scene.control.Button openLogs = new javafx.scene.control.Button("Logs", new org.kordamp.ikonli.javafx.FontIcon(Feather.ALIGN_LEFT));
        openLogs.setId("open-service-logs");
        openLogs.setOnAction(e -> links.logs(false, model.serviceProperty().get().name()));
        openLogs.disableProperty().bind(model.serviceProperty().isNull());
        javafx.scene.control.Button runTask = new javafx.scene.control.Button("Run task…", new org.kordamp.ikonli.javafx.FontIcon(Feather.TERMINAL));
        runTask.setId("run-task-from-service");
        runTask.setTooltip(new javafx.scene.control.Tooltip("Run a one-off Fargate task (a migration) from this service's task definition"));
        runTask.setOnAction(e -> links.runTask(model.serviceProperty().get().name()));
        runTask.disableProperty().bind(model.serviceProperty().isNull());
        model.serviceProperty().addListener((obs, old, s) -> openTargetGroup.setDisable(s == null || s.targetGroupArns().isEmpty()));
        openTargetGroup.setDisable(true);
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox detailPane = new VBox(6, new javafx.scene.layout.FlowPane(6, 6, openTaskDefinition, openTargetGroup, openLogs, runTask), detail);
        SplitPane side = new SplitPane(table, detailPane);
        side.setDividerPositions(0.7);
        VBox.setVgrow(side, Priority.ALWAYS);
        return new VBox(6, Columns.errorLine(model.servicesErrorProperty(), "services-error"), side);
    }

    private static String describe(ServiceDetail s) {
        StringBuilder text = new StringBuilder(s.name() + " runs " + s.taskDefinitionName() + " (" + s.launchType() + ")\n");
        s.deployments().forEach(d -> text.append("Deployment ").append(d.status()).append(" ").append(d.rolloutState()).append(": ")
                .append(d.running()).append(" running, ").append(d.pending()).append(" pending of ").append(d.desired()).append(" · ")
                .append(dev.capstan.domain.TaskDefinitionNames.familyRevision(d.taskDefinition())).append('\n'));
        s.targetGroupArns().forEach(tg -> text.append("Target group ").append(tg.substring(tg.indexOf('/') + 1)).append('\n'));
        s.events().forEach(e -> text.append(e.at() == null ? "" : TIME.format(e.at()) + "  ").append(Visible.text(e.message())).append('\n'));
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    /** Below the services: the chosen service's tasks, or its graphs (read only while their tab is open and the view in front). */
    private Node serviceBelow() {
        model.serviceProperty().addListener((obs, old, s) -> graphs.subjectProperty().set(s == null ? null
                : new GraphsModel.Subject(s.cluster(), s.name(), s.targetGroupArns())));
        graphsTab.setId("service-graphs-tab");
        graphsTab.setContent(new GraphsView(graphs, "service-graphs").node());
        graphsTab.selectedProperty().addListener((obs, was, now) -> graphs.setActive(now && inFront));
        Tab tasksTab = new Tab("Tasks", tasksPanel());
        tasksTab.setId("service-tasks-tab");
        TabPane below = new TabPane(tasksTab, graphsTab);
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return below;
    }

    private Node tasksPanel() {
        TableView<TaskDetail> table = new TableView<>();
        table.setId("tasks-table");
        javafx.collections.transformation.SortedList<TaskDetail> sorted = new javafx.collections.transformation.SortedList<>(model.tasks());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No tasks"));
        table.getColumns().addAll(
                Columns.text("Task", 100, t -> t.id().length() > 12 ? t.id().substring(0, 12) : t.id()),
                Columns.text("Service", 120, TaskDetail::serviceName),
                Columns.text("Last", 95, TaskDetail::lastStatus),
                Columns.text("Desired", 95, TaskDetail::desiredStatus),
                Columns.text("Health", 70, TaskDetail::health),
                Columns.text("Started", 115, t -> t.startedAt() == null ? "" : TIME.format(t.startedAt())),
                Columns.number("Rev", 45, TaskDetail::revision),
                Columns.text("IP", 118, TaskDetail::privateIp),
                Columns.text("Stopped because", 260, TaskDetail::stoppedSummary));
        Columns.copyMenu(table, TaskDetail::arn, model::cliFor);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                links.logs(true, table.getSelectionModel().getSelectedItem().arn());
            }
        });
        table.setTooltip(new javafx.scene.control.Tooltip("Double-click a task to follow its log"));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, table);
    }
}
