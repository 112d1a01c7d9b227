package dev.capstan.ui.deploys;

import atlantafx.base.theme.Styles;
import dev.capstan.ops.bluegreen.BlueGreenPicture;
import dev.capstan.ops.bluegreen.Colour;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One colour of a blue/green environment: serving or idle, its rule, the task set, image and tasks behind it, who deployed it. */
final class ColourCard extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Colour colour;
    private final Label heading = new Label();
    private final Label image = new Label();
    private final Label set = new Label();
    private final Label tasks = new Label();
    private final Label deployed = new Label();

    ColourCard(Colour colour) {
        super(4);
        this.colour = colour;
        setId("colour-" + colour.lower());
        heading.getStyleClass().add(Styles.TITLE_3);
        image.getStyleClass().add(Styles.TEXT_BOLD);
        image.setWrapText(true);
        for (Label l : new Label[] {set, tasks, deployed}) {
            l.getStyleClass().add(Styles.TEXT_MUTED);
            l.setWrapText(true);
        }
        getChildren().addAll(heading, image, set, tasks, deployed);
        setPadding(new Insets(12));
        setMinWidth(280);
        setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(this, Priority.ALWAYS);
    }

    void show(BlueGreenPicture picture) {
        BlueGreenPicture.Side side = picture.side(colour);
        boolean active = picture.active() == colour;
        heading.setText(colour + (active ? " · serving" : " · idle") + "   rule priority " + side.rule().priority());
        String tint = colour == Colour.BLUE ? "-color-accent" : "-color-success";
        setStyle("-fx-background-color: " + (active ? tint + "-subtle" : "-color-bg-subtle") + "; -fx-background-radius: 8; -fx-border-radius: 8;"
                + " -fx-border-width: " + (active ? 2 : 1) + "; -fx-border-color: " + (active ? tint + "-emphasis" : "-color-border-muted") + ";");
        image.setText(side.image() == null ? "No task set behind " + colour.lower() : side.image().substring(side.image().lastIndexOf('/') + 1));
        set.setText(side.taskSet().map(s -> "task set " + s.id() + " · " + s.status()).orElse(""));
        tasks.setText(side.taskSet().isEmpty() ? "" : side.running() + " tasks running · " + side.healthyTargets() + "/" + side.targets()
                + " targets healthy" + (active ? "" : side.serving() ? " · ready for a rollback" : ""));
        deployed.setText(side.deployed().map(d -> "deployed by " + d.who() + " · " + WHEN.format(d.when())).orElse(side.taskSet().isPresent()
                ? "deployed outside Capstan's journals" : ""));
    }
}
