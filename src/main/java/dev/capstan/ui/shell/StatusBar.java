package dev.capstan.ui.shell;

import dev.capstan.ui.common.BackgroundWork;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom line: who AWS says we are, the region, and whether anything is working in the background. */
final class StatusBar extends HBox {
    StatusBar(ShellModel model, BackgroundWork work) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));

        Label identity = new Label();
        identity.setId("status-identity");
        identity.setGraphic(new FontIcon(Feather.USER));
        identity.textProperty().bind(model.identityProperty());
        identity.setMinWidth(0);

        Label region = new Label();
        region.setId("status-region");
        region.setGraphic(new FontIcon(Feather.GLOBE));
        region.textProperty().bind(model.regionProperty());
        region.visibleProperty().bind(model.regionProperty().isNotEmpty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(work.runningProperty().greaterThan(0));
        Label busy = new Label();
        busy.setId("status-busy");
        busy.textProperty().bind(javafx.beans.binding.Bindings.when(work.runningProperty().greaterThan(0))
                .then(work.latestProperty().concat("…"))
                .otherwise("idle"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(identity, region, spacer, spinner, busy);
    }
}
