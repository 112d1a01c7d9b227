package dev.capstan.ui.loadbalancers;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.LoadBalancerInfo;
import dev.capstan.domain.LoadBalancingSnapshot;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.shell.AppView;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Load balancers → listeners → rules (priority, conditions, the target groups they forward to and
 * their weights), target groups with every target's health, and the environment's active colour.
 */
public final class LoadBalancersView implements AppView {
    private final LoadBalancersModel model;
    private final VBox root = new VBox(8);
    private final TreeView<String> tree = new TreeView<>();

    public LoadBalancersView(LoadBalancersModel model) {
        this.model = model;
        build();
    }

    @Override
    public String title() {
        return "Load balancers";
    }

    @Override
    public Ikon icon() {
        return Feather.SHARE_2;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.setActive(true);
    }

    @Override
    public void hidden() {
        model.setActive(false);
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    private void build() {
        root.setId("loadbalancers-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Load balancers and target groups");
        title.getStyleClass().add(Styles.TITLE_3);
        Label colour = new Label();
        colour.setId("active-colour");
        colour.setGraphic(new FontIcon(Feather.TOGGLE_RIGHT));
        colour.getStyleClass().add(Styles.TEXT_BOLD);
        colour.textProperty().bind(model.activeColourProperty());
        tree.setId("listener-tree");
        tree.setShowRoot(false);
        model.snapshotProperty().addListener((obs, old, snapshot) -> tree.setRoot(snapshot == null ? null : treeOf(snapshot)));
        SplitPane right = new SplitPane(targetGroupsTable(), targetsTable());
        right.setOrientation(Orientation.VERTICAL);
        SplitPane split = new SplitPane(tree, right);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(title, colour, Columns.errorLine(model.errorProperty(), "loadbalancers-error"), split);
    }

    private static TreeItem<String> treeOf(LoadBalancingSnapshot snapshot) {
        Map<String, String> names = snapshot.targetGroups().stream().collect(Collectors.toMap(TargetGroupInfo::arn, TargetGroupInfo::name));
        TreeItem<String> top = new TreeItem<>("load balancers");
        for (LoadBalancerInfo lb : snapshot.loadBalancers()) {
            TreeItem<String> balancer = new TreeItem<>(lb.name() + "  (" + (lb.scheme() == null ? "" : lb.scheme() + ", ")
                    + lb.state() + ")  " + (lb.dnsName() == null ? "" : lb.dnsName()), new FontIcon(Feather.SHARE_2));
            balancer.setExpanded(true);
            for (LoadBalancerInfo.Listener l : lb.listeners()) {
                TreeItem<String> listener = new TreeItem<>(l.protocol() + " :" + l.port(), new FontIcon(Feather.RADIO));
                listener.setExpanded(true);
                for (LoadBalancerInfo.Rule r : l.rules()) {
                    listener.getChildren().add(new TreeItem<>(describe(r, names::get)));
                }
                balancer.getChildren().add(listener);
            }
            top.getChildren().add(balancer);
        }
        return top;
    }

    static String describe(LoadBalancerInfo.Rule rule, Function<String, String> targetGroupName) {
        String where = rule.conditions().isEmpty() ? "" : " if " + String.join(" and ", rule.conditions());
        String to = rule.forwards().isEmpty() ? (rule.otherAction() == null ? "" : rule.otherAction())
                : "forward to " + rule.forwards().stream().map(f -> {
                    String name = targetGroupName.apply(f.targetGroupArn());
                    return (name == null ? f.targetGroupArn() : name) + (f.weight() == null ? "" : " (weight " + f.weight() + ")");
                }).collect(Collectors.joining(", "));
        return "priority " + rule.priority() + where + " → " + to;
    }

    @SuppressWarnings("unchecked")
    private Node targetGroupsTable() {
        TableView<TargetGroupInfo> table = new TableView<>(model.targetGroups());
        table.setId("target-groups-table");
        table.getColumns().addAll(
                Columns.text("Target group", 200, TargetGroupInfo::name),
                Columns.text("Protocol", 100, t -> t.protocol() + ":" + t.port()),
                Columns.text("Type", 60, TargetGroupInfo::targetType),
                Columns.text("Healthy", 80, t -> t.healthy() + " / " + t.targets().size()));
        Columns.copyMenu(table, TargetGroupInfo::arn, t -> "aws elbv2 describe-target-health --target-group-arn " + t.arn()
                + " --region " + model.region());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> {
            if (t != null) {
                model.targetGroupProperty().set(t);
            }
        });
        model.targetGroupProperty().addListener((obs, old, t) -> {
            if (t != null && table.getSelectionModel().getSelectedItem() != t) {
                table.getSelectionModel().select(t);
            }
        });
        return table;
    }

    @SuppressWarnings("unchecked")
    private Node targetsTable() {
        TableView<TargetGroupInfo.Target> table = new TableView<>();
        table.setId("targets-table");
        table.setPlaceholder(new Label("Choose a target group to see its targets"));
        model.targetGroupProperty().addListener((obs, old, t) -> table.getItems().setAll(t == null ? java.util.List.of() : t.targets()));
        table.getColumns().addAll(
                Columns.text("Target", 150, t -> t.id() + (t.port() == null ? "" : ":" + t.port())),
                Columns.text("State", 90, TargetGroupInfo.Target::state),
                Columns.text("Reason", 170, t -> t.reason() == null ? "" : t.reason()),
                Columns.text("Description", 300, t -> t.description() == null ? "" : t.description()));
        return table;
    }
}
