package dev.capstan.ui.profiles;

import atlantafx.base.theme.Styles;
import dev.capstan.ui.shell.AppView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every AWS profile with its kind, region and endpoint, and a connection test that says who it is. */
public final class ProfilesView implements AppView {
    private final ProfilesModel model;
    private final VBox root = new VBox(10);
    private final TableView<ProfilesModel.Row> table = new TableView<>();

    public ProfilesView(ProfilesModel model) {
        this.model = model;
        build();
    }

    private void build() {
        Label title = new Label("AWS profiles");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sources = new Label(model.sources());
        sources.getStyleClass().add(Styles.TEXT_MUTED);

        table.setId("profiles-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No profiles found. Create one with: aws configure --profile NAME"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Profile", 170, row -> row.profile().name()));
        table.getColumns().add(column("Kind", 190, row -> row.profile().kindDescription()));
        table.getColumns().add(column("Region", 100, row -> orDash(row.profile().region())));
        table.getColumns().add(column("Endpoint", 170, row -> orDash(row.profile().endpointUrl())));
        table.getColumns().add(column("Role / source", 200, row -> orDash(row.profile().roleArn() != null
                ? row.profile().roleArn() + (row.profile().via() == null ? "" : " via " + row.profile().via())
                : row.profile().via())));
        table.getColumns().add(resultColumn());
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                testSelected();
            }
        });

        Button test = new Button("Test connection", new FontIcon(Feather.ZAP));
        test.setId("test-connection");
        test.getStyleClass().add(Styles.ACCENT);
        test.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        test.setOnAction(e -> testSelected());
        Button reload = new Button("Reload files", new FontIcon(Feather.REFRESH_CW));
        reload.setOnAction(e -> refresh());
        HBox actions = new HBox(8, test, reload);
        actions.setAlignment(Pos.CENTER_LEFT);

        // The table cell is short; the whole sentence (and what to do about it) is shown here.
        Label detail = new Label();
        detail.setId("profile-detail");
        detail.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            detail.textProperty().unbind();
            if (row == null) {
                detail.setText("");
                return;
            }
            String head = row.profile().name() + " (" + row.profile().kindDescription() + "): ";
            detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> head + (row.resultProperty().get().isEmpty() ? "not tested yet" : row.resultProperty().get()),
                    row.resultProperty()));
        });

        root.setPadding(new Insets(16));
        root.getChildren().addAll(title, sources, actions, table, detail);
    }

    private void testSelected() {
        ProfilesModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.test(row);
        }
    }

    private static TableColumn<ProfilesModel.Row, String> column(String name, double width,
                                                                 java.util.function.Function<ProfilesModel.Row, String> value) {
        TableColumn<ProfilesModel.Row, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** The connection test's outcome, with an icon for its state, wrapped so long errors stay readable. */
    private static TableColumn<ProfilesModel.Row, String> resultColumn() {
        TableColumn<ProfilesModel.Row, String> column = new TableColumn<>("Connection");
        column.setId("connection-column");
        column.setPrefWidth(360);
        column.setCellValueFactory(cell -> cell.getValue().resultProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                ProfilesModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(text.isEmpty() ? "not tested" : text);
                setWrapText(true);
                FontIcon icon = switch (row.stateProperty().get()) {
                    case CONNECTED -> styled(new FontIcon(Feather.CHECK_CIRCLE), Styles.SUCCESS);
                    case FAILED -> styled(new FontIcon(Feather.X_CIRCLE), Styles.DANGER);
                    case TESTING -> new FontIcon(Feather.LOADER);
                    case UNTESTED -> new FontIcon(Feather.CIRCLE);
                };
                setGraphic(icon);
            }
        });
        return column;
    }

    private static FontIcon styled(FontIcon icon, String style) {
        icon.getStyleClass().add(style);
        return icon;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    @Override
    public String title() {
        return "Profiles";
    }

    @Override
    public Ikon icon() {
        return Feather.KEY;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        model.reload();
    }
}
