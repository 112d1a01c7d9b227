package dev.capstan.ui.restart;

import atlantafx.base.theme.Styles;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.restart.RestartPicture;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The restart's numbers in large type: desired, running, new healthy, old remaining, and the group's instances. */
final class Tiles {
    private final Label desired = value("restart-desired");
    private final Label running = value("restart-running");
    private final Label newHealthy = value("restart-new-healthy");
    private final Label oldRemaining = value("restart-old-remaining");
    private final Label group = value("restart-group");
    private final Label groupCaption = new Label("Group instances");
    private final HBox row;

    Tiles() {
        VBox groupTile = tile(group, groupCaption);
        groupTile.managedProperty().bind(groupTile.visibleProperty());
        groupTile.visibleProperty().bind(group.textProperty().isNotEmpty());
        row = new HBox(12, tile(desired, new Label("Desired")), tile(running, new Label("Running")), tile(newHealthy, new Label("New healthy")),
                tile(oldRemaining, new Label("Old remaining")), groupTile);
        row.setId("restart-tiles");
    }

    Node node() {
        return row;
    }

    private static Label value(String id) {
        Label label = new Label("–");
        label.setId(id);
        label.getStyleClass().add(Styles.TITLE_2);
        return label;
    }

    private static VBox tile(Label value, Label caption) {
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        VBox tile = new VBox(2, value, caption);
        tile.setPadding(new Insets(8, 16, 8, 16));
        tile.setMinWidth(120);
        tile.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6; -fx-border-color: -color-border-muted; -fx-border-radius: 6;");
        return tile;
    }

    void clear() {
        for (Label label : List.of(desired, running, newHealthy, oldRemaining)) {
            label.setText("–");
        }
        group.setText("");
    }

    void show(RestartPicture picture, RunRecord run) {
        desired.setText(Integer.toString(picture.service().desiredCount()));
        running.setText(Long.toString(picture.running()));
        boolean during = RestartModel.tellsOldFromNew(run);
        newHealthy.setText(during ? picture.newHealthy() + " of " + picture.newTasks().size() : "–");
        oldRemaining.setText(during ? Integer.toString(picture.oldRemaining().size()) : "–");
        picture.group().ifPresentOrElse(g -> {
            group.setText(g.inService() + " / " + g.desiredCapacity());
            groupCaption.setText(g.name() + " in service / desired (max " + g.maxSize() + ")");
        }, () -> group.setText(""));
    }
}
