package dev.capstan.ui.shell;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The environment picker with its risk badges, the workspace it came from, and a line for problems. */
final class TopBar extends VBox {
    TopBar(ShellModel model, javafx.scene.control.MenuBar menu) {
        ComboBox<Environment> picker = new ComboBox<>(model.environments());
        picker.setId("environment-picker");
        picker.setPromptText("Open a workspace to choose an environment");
        picker.setPrefWidth(240);
        picker.valueProperty().bindBidirectional(model.environmentProperty());
        picker.setCellFactory(list -> cell());
        picker.setButtonCell(cell());

        Label production = new Label("PRODUCTION");
        production.setId("production-badge");
        production.getStyleClass().addAll(Styles.DANGER, "badge");
        production.setStyle("-fx-font-weight: bold; -fx-text-fill: -color-danger-fg; -fx-padding: 2 6 2 6; "
                + "-fx-border-color: -color-danger-emphasis; -fx-border-radius: 4;");
        Label readOnly = new Label("read-only");
        readOnly.setId("readonly-badge");
        readOnly.setGraphic(new FontIcon(Feather.LOCK));
        var chosen = model.environmentProperty();
        production.visibleProperty().bind(chosen.isNotNull().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> chosen.get() != null && chosen.get().production(), chosen)));
        production.managedProperty().bind(production.visibleProperty());
        readOnly.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> chosen.get() != null && chosen.get().readOnly(), chosen));
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        Label workspace = new Label();
        workspace.setId("workspace-path");
        workspace.getStyleClass().add(Styles.TEXT_MUTED);
        workspace.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var ws = model.workspaceProperty().get();
            return ws == null ? "No workspace open (File › Open workspace…, Ctrl+O)" : shorten(ws.source());
        }, model.workspaceProperty()));

        Label environmentLabel = new Label("Environment");
        environmentLabel.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label palette = new Label("Ctrl+K  command palette");
        palette.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(10, environmentLabel, picker, production, readOnly, workspace, spacer, palette);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));

        Label message = new Label();
        message.setId("message-line");
        message.setWrapText(true);
        message.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        message.setStyle("-fx-background-color: -color-danger-subtle; -fx-text-fill: -color-danger-fg; -fx-padding: 6 10 6 10;");
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setOnMouseClicked(e -> model.messageProperty().set(""));

        getChildren().addAll(menu, bar, message);
        getStyleClass().add("top-bar");
        setStyle("-fx-border-color: transparent transparent -color-border-default transparent;");
    }

    private static ListCell<Environment> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Environment env, boolean empty) {
                super.updateItem(env, empty);
                setText(empty || env == null ? null : env.name() + "  ·  " + env.region());
            }
        };
    }

    private static String shorten(Path path) {
        String home = System.getProperty("user.home");
        String text = path.toString();
        return text.startsWith(home) ? "~" + text.substring(home.length()) : text;
    }
}
