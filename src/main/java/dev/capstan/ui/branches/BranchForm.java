package dev.capstan.ui.branches;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.branch.BranchEnvironments;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.runs.RunLauncher;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "New branch environment…": its name, the image to run, the seed command and how long it lives, the workspace's defaults shown
 * as prompts. The launcher plans it (the plan says where it will be reached), asks and runs it.
 */
public final class BranchForm {
    private BranchForm() {
    }

    public static void open(Window owner, Environment environment, BranchEnvironments branches, BackgroundWork work, RunLauncher launcher,
                            Runnable launched) {
        if (environment == null) {
            return;
        }
        DeploySettings.Branches settings = environment.deployment().branchesOrDefaults();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New branch environment");
        dialog.setHeaderText("A seeded copy of " + (environment.service() == null ? "the service" : environment.service()) + " on "
                + environment.name() + ", reached at " + (settings.domain() == null ? "its own path" : "NAME." + settings.domain()));
        dialog.getDialogPane().setId("branch-form");
        TextField name = field("branch-name", "login-fix");
        TextField image = field("branch-image", "an image tag, such as a476b78");
        TextField seed = field("branch-seed", settings.seedCommand() == null ? "no seed task" : settings.seedCommand());
        TextField ttl = field("branch-ttl", settings.ttl() == null ? DeploySettings.Branches.DEFAULT_TTL : settings.ttl());
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Name"), name);
        fields.addRow(1, new Label("Image"), image);
        fields.addRow(2, new Label("Seed command"), seed);
        fields.addRow(3, new Label("Lives for"), ttl);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.getColumnConstraints().addAll(labels, values);
        Label problem = new Label();
        problem.setId("branch-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox content = new VBox(8, fields, problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinWidth(660);
        ButtonType plan = new ButtonType("Plan…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(plan, ButtonType.CANCEL);
        Button planButton = (Button) dialog.getDialogPane().lookupButton(plan);
        planButton.setId("branch-plan");
        planButton.disableProperty().bind(name.textProperty().isEmpty().or(image.textProperty().isEmpty()));
        planButton.addEventFilter(ActionEvent.ACTION, e -> {
            // The form stays open while the plan is made and confirmed, so a refusal is read beside the field that caused it.
            e.consume();
            problem.setText("");
            String lives = ttl.getText().strip();
            launcher.launch("branch " + name.getText().strip(), () -> branches.create(environment, name.getText().strip(), image.getText().strip(),
                            seed.getText().strip(), lives.isEmpty() ? null : Durations.parse(lives),
                            branches.createDeclaration().defaultDuration("timeout")),
                    () -> work.onFx(() -> {
                        dialog.close();
                        launched.run();
                    }), message -> work.onFx(() -> problem.setText(message)));
        });
        dialog.show();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
