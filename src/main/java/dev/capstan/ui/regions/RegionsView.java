package dev.capstan.ui.regions;

import atlantafx.base.theme.Styles;
import dev.capstan.ops.publish.RegionOverview;
import dev.capstan.ops.publish.Sizes;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.shell.AppView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Region data publishing, on one screen: each region_config row (region, s3_uri, version, updated at)
 * beside what that URI holds on S3 (objects, size, last modified) and the backups that exist of it,
 * with the runbook's operations on the chosen region: back up, publish an update, restore, set the
 * URI, bump the version.
 */
public final class RegionsView implements AppView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final RegionsModel model;
    private final RegionForms forms;
    private final VBox root = new VBox(8);

    public RegionsView(RegionsModel model, javafx.stage.Window owner, dev.capstan.ui.runs.RunLauncher launcher, Runnable launched) {
        this.model = model;
        this.forms = new RegionForms(owner, launcher, model.regionData(), launched);
        build();
    }

    @Override
    public String title() {
        return "Regions";
    }

    @Override
    public Ikon icon() {
        return Feather.MAP;
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
        root.setId("regions-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Regions");
        title.getStyleClass().add(Styles.TITLE_3);
        Label read = new Label();
        read.getStyleClass().add(Styles.TEXT_MUTED);
        model.readAtProperty().addListener((obs, old, at) -> read.setText(at == null ? "" : "read at " + WHEN.format(at)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, read);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<RegionOverview> table = new TableView<>(model.rows());
        table.setId("regions-table");
        table.setPlaceholder(new Label("No regions read yet."));
        table.getColumns().add(Columns.text("Region", 70, r -> r.row().region()));
        table.getColumns().add(Columns.text("s3_uri", 320, r -> r.row().s3Uri()));
        table.getColumns().add(Columns.text("Objects", 82, r -> r.problem() != null ? "?" : Sizes.count(r.objects())));
        table.getColumns().add(Columns.text("Size", 75, r -> r.problem() != null ? "?" : Sizes.bytes(r.bytes())));
        table.getColumns().add(Columns.text("Backups", 82, r -> Integer.toString(r.backups().size())));
        table.getColumns().add(Columns.text("Version", 200, r -> r.row().version()));
        table.getColumns().add(Columns.text("Updated", 125, r -> r.row().updatedAt() == null ? "" : WHEN.format(r.row().updatedAt())));
        table.getColumns().add(Columns.text("S3 last modified", 130, r -> r.lastModified() == null ? "" : WHEN.format(r.lastModified())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                model.selectedProperty().set(r);
            }
        });
        model.selectedProperty().addListener((obs, old, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            }
        });

        SplitPane split = new SplitPane(table, detail());
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, Columns.errorLine(model.errorProperty(), "regions-error"), split);
    }

    private Node detail() {
        Label heading = new Label();
        heading.setId("region-heading");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        ListView<String> backups = new ListView<>();
        backups.setId("region-backups");
        backups.setPlaceholder(new Label("No backups of this URI yet."));
        // A backup's full URI is its region's plus a suffix: the last part of its name is what tells them apart.
        backups.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String uri, boolean empty) {
                super.updateItem(uri, empty);
                setText(empty || uri == null ? null : uri.substring(uri.lastIndexOf('/') + 1));
                setTooltip(empty || uri == null ? null : new javafx.scene.control.Tooltip(uri));
            }
        });
        Button backup = action("Back up", "region-backup", Feather.COPY, forms::backup);
        Button publish = action("Publish update…", "region-publish", Feather.UPLOAD_CLOUD, forms::publish);
        Button restore = action("Restore…", "region-restore", Feather.ROTATE_CCW, forms::restore);
        Button setUri = action("Set s3_uri…", "region-set-uri", Feather.EDIT_3, forms::setUri);
        Button bump = action("Bump version", "region-bump", Feather.REFRESH_CW, forms::bumpVersion);
        publish.getStyleClass().add(Styles.ACCENT);
        model.selectedProperty().addListener((obs, old, r) -> {
            heading.setText(r == null ? "" : r.row().region() + ": " + r.row().s3Uri());
            problem.setText(r == null || r.problem() == null ? "" : r.problem());
            backups.getItems().setAll(r == null ? java.util.List.of() : r.backups());
            for (Button b : new Button[] {backup, publish, setUri, bump}) {
                b.setDisable(r == null);
            }
            restore.setDisable(r == null || r.backups().isEmpty());
        });
        for (Button b : new Button[] {backup, publish, restore, setUri, bump}) {
            b.setDisable(true);
        }
        VBox.setVgrow(backups, Priority.ALWAYS);
        VBox detail = new VBox(8, heading, problem, new FlowPane(6, 6, publish, backup, restore, setUri, bump), new Label("Backups"), backups);
        detail.setPadding(new Insets(0, 0, 0, 10));
        return detail;
    }

    private Button action(String text, String id, Ikon icon, BiConsumer<dev.capstan.domain.Environment, RegionOverview> form) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> form.accept(model.environmentProperty().get(), model.selectedProperty().get()));
        return button;
    }
}
