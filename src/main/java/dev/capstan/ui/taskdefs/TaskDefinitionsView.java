package dev.capstan.ui.taskdefs;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.taskdefs.Finding;
import dev.capstan.ops.taskdefs.SecretNames;
import dev.capstan.ops.taskdefs.TaskDefDiff;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.shell.AppView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Task definition families and revisions: what each revision runs (images, cpu/memory, ports, logging,
 * environment with secret-looking values masked until revealed), a field-by-field diff of two
 * revisions, the Fargate readiness check, and the raw JSON.
 */
public final class TaskDefinitionsView implements AppView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final TaskDefinitionsModel model;
    private final VBox root = new VBox(8);

    private final Runnable importCompose;

    /** @param importCompose opens the Docker Compose import for the chosen environment */
    public TaskDefinitionsView(TaskDefinitionsModel model, Runnable importCompose) {
        this.model = model;
        this.importCompose = importCompose;
        build();
    }

    @Override
    public String title() {
        return "Task definitions";
    }

    @Override
    public Ikon icon() {
        return Feather.FILE_TEXT;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        if (model.families().isEmpty()) {
            model.refresh();
        }
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    private void build() {
        root.setId("taskdefs-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Task definitions");
        title.getStyleClass().add(Styles.TITLE_3);
        TextField filter = new TextField();
        filter.setId("families-filter");
        filter.setPromptText("Filter families");
        model.filterProperty().bind(filter.textProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        javafx.scene.control.Button importButton = new javafx.scene.control.Button("Import Docker Compose…", new FontIcon(Feather.UPLOAD));
        importButton.setId("compose-import");
        importButton.disableProperty().bind(model.environmentProperty().isNull());
        importButton.setOnAction(e -> importCompose.run());
        HBox header = new HBox(10, title, grow, filter, importButton);
        header.setAlignment(Pos.CENTER_LEFT);

        SplitPane right = new SplitPane(revisionsTable(), tabs());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.35);
        SplitPane split = new SplitPane(familiesList(), right);
        split.setDividerPositions(0.2);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, Columns.errorLine(model.revisionsErrorProperty(), "revisions-error"), split);
        model.environmentProperty().addListener((obs, old, env) -> {
            if (root.getScene() != null) {
                model.refresh();
            }
        });
    }

    private Node familiesList() {
        ListView<String> list = new ListView<>(model.families());
        list.setId("families-list");
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> {
            if (f != null) {
                model.familyProperty().set(f);
            }
        });
        model.familyProperty().addListener((obs, old, f) -> list.getSelectionModel().select(f));
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, Columns.errorLine(model.familiesErrorProperty(), "families-error"), list);
    }

    @SuppressWarnings("unchecked")
    private Node revisionsTable() {
        TableView<TaskDefRevision> table = new TableView<>(model.revisions());
        table.setId("revisions-table");
        table.getColumns().addAll(
                Columns.number("Rev", 50, TaskDefRevision::revision),
                Columns.text("Status", 70, TaskDefRevision::status),
                Columns.text("Images", 260, t -> String.join(", ", t.containers().stream().map(TaskDefRevision.Container::image).toList())),
                Columns.text("cpu / memory", 100, t -> orDash(t.cpu()) + " / " + orDash(t.memory())),
                Columns.text("Compatibilities", 130, t -> String.join(", ", t.requiresCompatibilities())),
                Columns.text("Network", 70, TaskDefRevision::networkMode),
                Columns.text("Registered", 130, t -> t.registeredAt() == null ? "" : TIME.format(t.registeredAt())));
        Columns.copyMenu(table, TaskDefRevision::arn, t -> "aws ecs describe-task-definition --task-definition " + t.name());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> {
            if (t != null) {
                model.revisionProperty().set(t);
            }
        });
        model.revisionProperty().addListener((obs, old, t) -> {
            if (t != null && table.getSelectionModel().getSelectedItem() != t) {
                table.getSelectionModel().select(t);
            }
        });
        return table;
    }

    private Node tabs() {
        TabPane tabs = new TabPane(new Tab("Containers", containers()), new Tab("Diff", diff()), new Tab("Fargate readiness", readiness()),
                new Tab("JSON", json()));
        tabs.setId("taskdef-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node containers() {
        TextArea text = new TextArea();
        text.setId("taskdef-containers");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        CheckBox reveal = new CheckBox("Reveal secret-looking values");
        reveal.setId("reveal-secrets");
        model.revealProperty().bind(reveal.selectedProperty());
        Runnable show = () -> text.setText(model.revisionProperty().get() == null ? "" : describe(model.revisionProperty().get(),
                model.revealProperty().get()));
        model.revisionProperty().addListener((obs, old, t) -> show.run());
        model.revealProperty().addListener((obs, old, r) -> show.run());
        VBox.setVgrow(text, Priority.ALWAYS);
        return new VBox(6, reveal, text);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    static String describe(TaskDefRevision t, boolean reveal) {
        StringBuilder s = new StringBuilder(t.name() + "  " + t.status() + "  cpu " + t.cpu() + "  memory " + t.memory() + "  "
                + t.networkMode() + "  " + t.requiresCompatibilities() + "\n");
        for (TaskDefRevision.Container c : t.containers()) {
            s.append("\n").append(c.name()).append(c.essential() ? " (essential)" : "").append("\n  image   ").append(c.image())
                    .append("\n  ports   ").append(c.ports()).append("\n  logs    ").append(c.logDriver()).append(" ").append(c.logOptions()).append('\n');
            c.environment().forEach((k, v) -> s.append("  env     ").append(k).append(" = ").append(SecretNames.mask(k, v, reveal)).append('\n'));
            c.secrets().forEach((k, v) -> s.append("  secret  ").append(k).append(" from ").append(v).append('\n'));
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private Node diff() {
        ComboBox<TaskDefRevision> left = new ComboBox<>(model.revisions());
        left.setId("diff-left");
        left.valueProperty().bindBidirectional(model.compareWithProperty());
        left.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskDefRevision t) {
                return t == null ? "" : t.name();
            }

            @Override
            public TaskDefRevision fromString(String s) {
                return null;
            }
        });
        Label right = new Label();
        model.revisionProperty().addListener((obs, old, t) -> right.setText(t == null ? "" : "→  " + t.name() + " (the chosen revision)"));
        CheckBox changedOnly = new CheckBox("Only what changed");
        changedOnly.setId("diff-changed-only");
        changedOnly.setSelected(true);
        javafx.collections.transformation.FilteredList<TaskDefDiff.Row> rows = new javafx.collections.transformation.FilteredList<>(model.diff());
        rows.predicateProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> changedOnly.isSelected() ? TaskDefDiff.Row::changed : r -> true, changedOnly.selectedProperty()));
        TableView<TaskDefDiff.Row> table = new TableView<>(rows);
        table.setId("diff-table");
        table.setPlaceholder(new Label("Choose a revision to compare with, or untick \"Only what changed\""));
        table.getColumns().addAll(Columns.text("Field", 220, TaskDefDiff.Row::field), Columns.text("Left", 280, TaskDefDiff.Row::left),
                Columns.text("Right", 280, TaskDefDiff.Row::right));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(TaskDefDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                // Changed fields stand out; the theme's subtle warning colour keeps the text readable.
                setStyle(!empty && row != null && row.changed() ? "-fx-background-color: -color-warning-subtle;" : "");
            }
        });
        HBox pick = new HBox(10, new Label("Compare"), left, right, changedOnly);
        pick.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, pick, table);
    }

    private Node readiness() {
        ListView<Finding> list = new ListView<>(model.findings());
        list.setId("readiness-findings");
        list.setCellFactory(view -> new FindingCell());
        return list;
    }

    private Node json() {
        TextArea text = new TextArea();
        text.setId("taskdef-json");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        model.revisionProperty().addListener((obs, old, t) -> text.setText(t == null ? "" : t.json()));
        return text;
    }
}
