package dev.capstan.ui.regions;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.publish.RegionOverview;
import dev.capstan.ui.runs.RunLauncher;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The small forms of the Regions view. Each hands its operation to the launcher, which reads the plan
 * (every object to copy, every row to change) and asks before anything happens.
 */
final class RegionForms {
    private final Window owner;
    private final RunLauncher launcher;
    private final RegionData regionData;
    private final Runnable launched;

    RegionForms(Window owner, RunLauncher launcher, RegionData regionData, Runnable launched) {
        this.owner = owner;
        this.launcher = launcher;
        this.regionData = regionData;
        this.launched = launched;
    }

    void backup(Environment env, RegionOverview region) {
        launched.run();
        launcher.launch("backup of " + region.row().region(), () -> regionData.backup(env, region.row().s3Uri()));
    }

    void bumpVersion(Environment env, RegionOverview region) {
        launched.run();
        launcher.launch("version bump of " + region.row().region(), () -> regionData.bumpVersion(env, region.row().region(), null));
    }

    /** Backup, copy the new data over the region's URI, verify, bump the version: one run. */
    void publish(Environment env, RegionOverview region) {
        ComboBox<String> from = new ComboBox<>();
        from.setId("publish-from");
        from.setEditable(true);
        from.setPrefWidth(520);
        from.getEditor().setPromptText("s3://bucket/regions/" + region.row().region() + "/new-data");
        from.getItems().setAll(region.siblings());
        if (!region.siblings().isEmpty()) {
            from.getEditor().setText(region.siblings().get(region.siblings().size() - 1));
        }
        CheckBox mirror = new CheckBox("Exact mirror: also remove objects the new data does not have (each is listed in the plan)");
        mirror.setId("publish-mirror");
        ask("Publish region update", "Publish new data for " + region.row().region() + " on " + env.name(), "publish-form",
                List.of(new Label("New data from"), from, new Label("Copied over"), new Label(region.row().s3Uri()), new Label(""), mirror), () -> {
                    launched.run();
                    launcher.launch("publish of " + region.row().region(), () -> regionData.publish(env, region.row().region(), from.getEditor().getText(),
                            mirror.isSelected()));
                });
    }

    /** Copies a chosen backup back over the region's URI: the rollback of a publish. */
    void restore(Environment env, RegionOverview region) {
        ComboBox<String> backup = new ComboBox<>();
        backup.setId("restore-backup");
        backup.getItems().setAll(region.backups());
        if (!region.backups().isEmpty()) {
            backup.setValue(region.backups().get(region.backups().size() - 1));
        }
        CheckBox mirror = new CheckBox("Exact mirror: also remove objects the backup does not have (each is listed in the plan)");
        mirror.setSelected(true);
        ask("Restore region data", "Restore " + region.row().region() + " on " + env.name() + " from a backup", "restore-form",
                List.of(new Label("Backup"), backup, new Label("Copied over"), new Label(region.row().s3Uri()), new Label(""), mirror), () -> {
                    launched.run();
                    launcher.launch("restore of " + region.row().region(), () -> regionData.restore(env, backup.getValue(), region.row().s3Uri(),
                            mirror.isSelected()));
                });
    }

    void setUri(Environment env, RegionOverview region) {
        TextField uri = new TextField(region.row().s3Uri());
        uri.setId("set-uri-value");
        uri.setPrefColumnCount(48);
        Label warning = new Label(env.production() ? "Production: the runbook advises against this (API calls and health checks fail until "
                + "the data loads). Publish instead." : "The faster way, for staging: the services read the new URI after they restart.");
        warning.setWrapText(true);
        warning.getStyleClass().add(env.production() ? Styles.DANGER : Styles.TEXT_MUTED);
        ask("Set s3_uri", "Set region_config.s3_uri of " + region.row().region() + " on " + env.name(), "set-uri-form",
                List.of(new Label("New s3_uri"), uri, new Label(""), warning), () -> {
                    launched.run();
                    launcher.launch("s3_uri of " + region.row().region(), () -> regionData.setUri(env, region.row().region(), uri.getText()));
                });
    }

    /** Shows a two-column form (label, field, label, field…) and runs {@code onPlan} if the person chooses Plan. */
    private void ask(String title, String header, String id, List<javafx.scene.Node> cells, Runnable onPlan) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setId(id);
        ButtonType plan = new ButtonType("Plan…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(plan, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(plan).setId(id + "-plan");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        for (int i = 0; i < cells.size(); i += 2) {
            grid.addRow(i / 2, cells.get(i), cells.get(i + 1));
        }
        dialog.getDialogPane().setContent(grid);
        // Not showAndWait: a nested event loop would hold up whoever opened the form (a test robot, too).
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == plan) {
                onPlan.run();
            }
        });
        dialog.show();
    }
}
