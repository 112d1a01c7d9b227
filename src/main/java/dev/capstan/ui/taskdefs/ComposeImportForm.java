package dev.capstan.ui.taskdefs;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.ops.compose.ComposeImports;
import dev.capstan.ops.compose.ComposeTranslation;
import dev.capstan.ops.compose.TaskDefinitionJson;
import dev.capstan.ops.taskdefs.Finding;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.runs.RunLauncher;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Import a Docker Compose file: choose it (and, if not all, which services), read what it makes, with each change to its meaning
 * and each readiness finding beside the task definition's JSON, then register it: the launcher plans, asks and runs.
 */
public final class ComposeImportForm {
    private final Environment environment;
    private final ComposeImports compose;
    private final BackgroundWork work;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField file = new TextField();
    private final TextField services = new TextField();
    private final TextField family = new TextField();
    private final Label problem = new Label();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final TextArea json = new TextArea();
    private final ObjectProperty<ComposeTranslation> translation = new SimpleObjectProperty<>();

    private ComposeImportForm(Window owner, Environment environment, ComposeImports compose, BackgroundWork work) {
        this.environment = environment;
        this.compose = compose;
        this.work = work;
        dialog.initOwner(owner);
    }

    /** @param launched told once the registration has been confirmed and started (the console shows its run) */
    public static void open(Window owner, Environment environment, ComposeImports compose, BackgroundWork work, RunLauncher launcher,
                            Runnable launched) {
        if (environment == null) {
            return;
        }
        ComposeImportForm form = new ComposeImportForm(owner, environment, compose, work);
        form.build(owner, launcher, launched);
        form.dialog.show();
    }

    private void build(Window owner, RunLauncher launcher, Runnable launched) {
        dialog.setTitle("Import Docker Compose");
        dialog.setHeaderText("A Fargate task definition for " + environment.name() + " from a compose file: one container per service");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("compose-form");
        file.setId("compose-file");
        file.setPromptText("compose.yaml");
        services.setId("compose-services");
        services.setPromptText("all of them");
        family.setId("compose-family");
        family.setPromptText("the compose project's name");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Compose file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Compose files", "*.yaml", "*.yml"));
            File chosen = chooser.showOpenDialog(owner);
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        Button read = new Button("Read");
        read.setId("compose-read");
        read.setDefaultButton(true);
        read.disableProperty().bind(file.textProperty().isEmpty());
        read.setOnAction(e -> read());
        HBox fileRow = new HBox(6, file, browse, read);
        HBox.setHgrow(file, Priority.ALWAYS);
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Compose file"), fileRow);
        fields.addRow(1, new Label("Services"), services);
        fields.addRow(2, new Label("Family"), family);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);
        problem.setId("compose-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        ListView<Finding> list = new ListView<>(findings);
        list.setId("compose-findings");
        list.setCellFactory(view -> new FindingCell());
        json.setId("compose-json");
        json.setEditable(false);
        json.setStyle("-fx-font-family: monospace;");
        // The findings read as sentences, so they get the whole width; the JSON is below them.
        SplitPane result = new SplitPane(list, json);
        result.setOrientation(javafx.geometry.Orientation.VERTICAL);
        result.setDividerPositions(0.5);
        VBox.setVgrow(result, Priority.ALWAYS);
        VBox content = new VBox(8, fields, problem, result);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(content);
        // A dialog sizes itself to its header's text unless told otherwise: the findings need the width.
        dialog.getDialogPane().setPrefSize(1060, 760);
        dialog.getDialogPane().setMinWidth(1000);
        ButtonType register = new ButtonType("Register…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(register, ButtonType.CANCEL);
        Button registerButton = (Button) dialog.getDialogPane().lookupButton(register);
        registerButton.setId("compose-register");
        registerButton.setDefaultButton(false);
        registerButton.disableProperty().bind(translation.isNull());
        registerButton.addEventFilter(ActionEvent.ACTION, e -> {
            // The form stays open while the plan is made and confirmed, so a refusal is read beside what caused it.
            e.consume();
            ComposeTranslation t = translation.get();
            Path path = Path.of(file.getText().strip());
            List<String> chosen = chosenServices();
            launcher.launch("import of " + path.getFileName(), () -> compose.importing(environment, path, chosen, t),
                    () -> work.onFx(() -> {
                        dialog.close();
                        launched.run();
                    }), message -> work.onFx(() -> problem.setText(message)));
        });
        // A new file or choice makes the shown task definition stale: read again before registering.
        file.textProperty().addListener((obs, old, now) -> translation.set(null));
        services.textProperty().addListener((obs, old, now) -> translation.set(null));
        family.textProperty().addListener((obs, old, now) -> translation.set(null));
    }

    private List<String> chosenServices() {
        return Arrays.stream(services.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void read() {
        Path path = Path.of(file.getText().strip());
        List<String> chosen = chosenServices();
        String familyName = family.getText().isBlank() ? null : family.getText().strip();
        problem.setText("");
        work.run("read " + path.getFileName(), () -> compose.translate(environment, path, chosen, familyName))
                .onSuccess(t -> {
                    findings.setAll(t.findings());
                    json.setText(TaskDefinitionJson.taskDefinition(t));
                    translation.set(t.blocked() ? null : t);
                    if (t.blocked()) {
                        problem.setText("A finding stops this task definition from being registered; fix it and read again.");
                    }
                })
                .onFailure(e -> {
                    findings.clear();
                    json.clear();
                    translation.set(null);
                    problem.setText(e.getMessage());
                })
                .start();
    }
}
