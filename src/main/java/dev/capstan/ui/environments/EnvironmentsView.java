package dev.capstan.ui.environments;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.ui.shell.AppView;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The workspace's environments, and one of them checked field by field against AWS and its database. */
public final class EnvironmentsView implements AppView {
    private final EnvironmentsModel model;
    private final SplitPane root = new SplitPane();
    private final ListView<Environment> list = new ListView<>();
    private Environment lastChecked;

    public EnvironmentsView(EnvironmentsModel model) {
        this.model = model;
        build();
    }

    private void build() {
        list.setId("environments-list");
        list.setItems(model.environments());
        list.setPlaceholder(new Label("Open a workspace (Ctrl+O)"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Environment env, boolean empty) {
                super.updateItem(env, empty);
                if (empty || env == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(env.name() + (env.production() ? "   PRODUCTION" : "") + (env.readOnly() ? "   read-only" : ""));
                setGraphic(new FontIcon(env.production() ? Feather.SHIELD : Feather.SERVER));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, env) -> {
            model.selectedProperty().set(env);
            if (env != null && !env.equals(lastChecked) && root.getScene() != null) {
                check();
            }
        });
        model.environments().addListener((javafx.collections.ListChangeListener<Environment>) change -> {
            lastChecked = null;
            if (!model.environments().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.selectedProperty().get() == null ? "Environments" : model.selectedProperty().get().name(),
                model.selectedProperty()));
        Label summary = new Label();
        summary.setId("check-summary");
        summary.textProperty().bind(model.summaryProperty());
        Button check = new Button("Check against AWS", new FontIcon(Feather.CHECK_SQUARE));
        check.setId("check-environment");
        check.getStyleClass().add(Styles.ACCENT);
        check.disableProperty().bind(model.selectedProperty().isNull());
        check.setOnAction(e -> check());
        HBox header = new HBox(12, title, check, summary);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<EnvironmentsModel.FieldRow> table = new TableView<>(model.fields());
        table.setId("environment-fields");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(statusColumn());
        table.getColumns().add(column("Field", 190, EnvironmentsModel.FieldRow::field));
        table.getColumns().add(column("Value", 300, EnvironmentsModel.FieldRow::value));
        table.getColumns().add(column("What was found", 420, EnvironmentsModel.FieldRow::detail));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label selectedDetail = new Label();
        selectedDetail.setId("field-detail");
        selectedDetail.setWrapText(true);
        selectedDetail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            EnvironmentsModel.FieldRow row = table.getSelectionModel().getSelectedItem();
            return row == null ? "Select a row to read it whole." : row.field() + " = " + row.value()
                    + (row.detail().isEmpty() ? "" : "\n" + row.detail());
        }, table.getSelectionModel().selectedItemProperty()));

        VBox detail = new VBox(10, header, table, selectedDetail);
        detail.setPadding(new Insets(16));
        VBox left = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getItems().addAll(left, detail);
        root.setDividerPositions(0.22);
    }

    /** Shows the environment (chosen elsewhere, such as in the top bar). */
    public void select(Environment env) {
        if (env != null && !env.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(env);
        }
    }

    private void check() {
        lastChecked = model.selectedProperty().get();
        model.checkSelected();
    }

    private static TableColumn<EnvironmentsModel.FieldRow, String> column(String name, double width,
                                                                         Function<EnvironmentsModel.FieldRow, String> value) {
        TableColumn<EnvironmentsModel.FieldRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<EnvironmentsModel.FieldRow, CheckResult.Status> statusColumn() {
        TableColumn<EnvironmentsModel.FieldRow, CheckResult.Status> column = new TableColumn<>("");
        column.setMinWidth(96);
        column.setPrefWidth(96);
        column.setMaxWidth(120);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue().status()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CheckResult.Status status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                FontIcon icon;
                if (status == null) {
                    icon = new FontIcon(Feather.CIRCLE);
                    setText("—");
                } else {
                    icon = new FontIcon(switch (status) {
                        case OK -> Feather.CHECK_CIRCLE;
                        case FAILED -> Feather.X_CIRCLE;
                        case NOT_SET -> Feather.MINUS_CIRCLE;
                    });
                    icon.getStyleClass().add(switch (status) {
                        case OK -> Styles.SUCCESS;
                        case FAILED -> Styles.DANGER;
                        case NOT_SET -> Styles.TEXT_MUTED;
                    });
                    setText(switch (status) {
                        case OK -> "ok";
                        case FAILED -> "FAILED";
                        case NOT_SET -> "not set";
                    });
                }
                setGraphic(icon);
            }
        });
        return column;
    }

    @Override
    public String title() {
        return "Environments";
    }

    @Override
    public Ikon icon() {
        return Feather.LAYERS;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        Environment env = model.selectedProperty().get();
        if (env != null && !env.equals(lastChecked)) {
            check();
        }
    }

    @Override
    public void refresh() {
        check();
    }
}
