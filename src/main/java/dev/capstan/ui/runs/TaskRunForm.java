package dev.capstan.ui.runs;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Operation;
import dev.capstan.ops.task.OneOffTaskFactory;
import dev.capstan.ops.task.TaskRunDefaults;
import dev.capstan.ops.task.TaskRunRequest;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.Explained;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The one-off task form (the AWS console's eleven clicks as one form): the task definition the service runs
 * (the family's newest beside it), the container, the command typed the console's comma way or as shell
 * words with the exact JSON array shown as it is typed, environment overrides, and the environment's
 * network, editable. Its values go to the launcher, which plans, asks and runs.
 */
public final class TaskRunForm {
    private final Environment environment;
    private final String service;
    private final RunLauncher launcher;
    private final OneOffTaskFactory tasks;
    private final BackgroundWork work;
    private final Runnable launched;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ComboBox<String> taskDefinition = new ComboBox<>();
    private final Label taskDefinitionNote = new Label("Reading what the service runs…");
    private final ComboBox<String> container = new ComboBox<>();
    private final ComboBox<String> command = new ComboBox<>();
    private final ChoiceBox<CommandSyntax> syntax = new ChoiceBox<>();
    private final Label commandJson = new Label();
    private final TextArea environmentOverrides = new TextArea();
    private final TextField subnets = new TextField();
    private final TextField securityGroups = new TextField();
    private final CheckBox publicIp = new CheckBox("Assign a public IP");
    private final CheckBox waitForExit = new CheckBox("Watch it until it exits, at most");
    private final TextField timeout = new TextField();
    private final Label problem = new Label();
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final TaskRunFormModel form;
    private TaskRunDefaults defaults;
    /** What the service's PRIMARY deployment runs, as first read: the note compares every later choice with it. */
    private String serviceRuns;

    private TaskRunForm(Window owner, Environment environment, String service, RunLauncher launcher, OneOffTaskFactory tasks, BackgroundWork work,
                        Runnable launched) {
        this.environment = environment;
        this.service = service;
        this.launcher = launcher;
        this.tasks = tasks;
        this.work = work;
        this.launched = launched;
        this.form = new TaskRunFormModel(tasks.declaration().defaultOf("timeout"));
        dialog.initOwner(owner);
        build();
    }

    /**
     * Opens the form for the environment's service, or the one named; reads its defaults in the background.
     *
     * @param launched called once the request went to the launcher: where the console shows the run
     */
    public static void open(Window owner, Environment environment, String service, RunLauncher launcher, OneOffTaskFactory tasks,
                            BackgroundWork work, Runnable launched) {
        if (environment == null) {
            return;
        }
        TaskRunForm form = new TaskRunForm(owner, environment, service, launcher, tasks, work, launched);
        form.load(null);
        form.loadRecentCommands();
        form.dialog.show();
    }

    private void build() {
        String what = service != null ? service : environment.service() != null ? environment.service() : "a task definition";
        dialog.setTitle("Run a one-off task");
        dialog.setHeaderText("Run a one-off Fargate task from " + what + " on " + environment.name()
                + (environment.production() ? "  (PRODUCTION)" : ""));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("task-form");
        ButtonType plan = new ButtonType("Plan…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(plan, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(plan).setId("task-plan");
        dialog.getDialogPane().lookupButton(plan).disableProperty().bind(ready.and(form.commandValidProperty()).not());

        taskDefinition.setId("task-definition");
        taskDefinition.setEditable(true);
        taskDefinition.setMaxWidth(Double.MAX_VALUE);
        taskDefinition.setOnAction(e -> {
            String chosen = taskDefinition.getValue();
            if (defaults != null && chosen != null && !chosen.isBlank()
                    && !chosen.equals(TaskDefinitionNames.familyRevision(defaults.taskDefinition()))) {
                load(chosen.trim());
            }
        });
        taskDefinitionNote.setId("task-definition-note");
        taskDefinitionNote.setWrapText(true);
        container.setId("task-container");
        container.setMaxWidth(Double.MAX_VALUE);

        command.setId("task-command");
        command.setEditable(true);
        command.setMaxWidth(Double.MAX_VALUE);
        command.getEditor().setPromptText("run,migration:run");
        syntax.setId("task-command-syntax");
        syntax.getItems().setAll(CommandSyntax.values());
        syntax.setValue(CommandSyntax.AUTO);
        syntax.setPrefWidth(170);
        syntax.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        syntax.setConverter(new StringConverter<>() {
            @Override
            public String toString(CommandSyntax s) {
                return s == null ? "" : switch (s) {
                    case AUTO -> "Auto";
                    case COMMA -> "Comma-separated";
                    case SHELL -> "Shell words";
                };
            }

            @Override
            public CommandSyntax fromString(String text) {
                return CommandSyntax.AUTO;
            }
        });
        commandJson.setId("task-command-json");
        commandJson.setWrapText(true);
        commandJson.setStyle("-fx-font-family: monospace;");
        commandJson.textProperty().bind(form.commandPreviewProperty());
        form.commandValidProperty().addListener((obs, old, valid) -> markInvalid(!valid));
        markInvalid(!form.commandValidProperty().get());

        environmentOverrides.setId("task-env");
        environmentOverrides.setPromptText("NAME=value, one per line (optional)");
        environmentOverrides.setPrefRowCount(2);
        subnets.setId("task-subnets");
        subnets.setPromptText("subnet-…, subnet-…");
        securityGroups.setId("task-security-groups");
        securityGroups.setPromptText("sg-…");
        publicIp.setId("task-public-ip");
        waitForExit.setId("task-wait");
        timeout.setId("task-timeout");
        timeout.setPrefColumnCount(5);
        timeout.disableProperty().bind(waitForExit.selectedProperty().not());
        bind();
        Explained.by(tasks.declaration(), command, "command");
        Explained.by(tasks.declaration(), container, "container");
        Explained.by(tasks.declaration(), syntax, "command-syntax");
        Explained.by(tasks.declaration(), timeout, "timeout");
        problem.setId("task-form-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        // Labels keep their full width; the fields take what is left.
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(520);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        grid.addRow(row++, new Label("Task definition"), taskDefinition);
        grid.add(taskDefinitionNote, 1, row++);
        grid.addRow(row++, new Label("Container"), container);
        HBox commandLine = new HBox(8, command, syntax);
        HBox.setHgrow(command, Priority.ALWAYS);
        grid.addRow(row++, new Label("Command"), commandLine);
        grid.addRow(row++, new Label("Sends"), commandJson);
        grid.addRow(row++, new Label("Environment"), environmentOverrides);
        grid.addRow(row++, new Label("Subnets"), subnets);
        grid.addRow(row++, new Label("Security groups"), securityGroups);
        Label launchType = new Label("FARGATE, awsvpc network");
        launchType.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row++, new Label("Launch type"), launchType);
        grid.add(publicIp, 1, row++);
        HBox waitLine = new HBox(8, waitForExit, timeout);
        waitLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.add(waitLine, 1, row++);
        grid.add(problem, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);

        dialog.setOnHidden(e -> {
            if (dialog.getResult() == plan) {
                submit();
            }
        });
    }

    /** The controls show the form's model and write to it: its state and its checks live there, not in the nodes. */
    private void bind() {
        taskDefinition.valueProperty().bindBidirectional(form.taskDefinitionProperty());
        container.valueProperty().bindBidirectional(form.containerProperty());
        command.getEditor().textProperty().bindBidirectional(form.commandProperty());
        syntax.valueProperty().bindBidirectional(form.syntaxProperty());
        environmentOverrides.textProperty().bindBidirectional(form.environmentOverridesProperty());
        subnets.textProperty().bindBidirectional(form.subnetsProperty());
        securityGroups.textProperty().bindBidirectional(form.securityGroupsProperty());
        publicIp.selectedProperty().bindBidirectional(form.publicIpProperty());
        waitForExit.selectedProperty().bindBidirectional(form.waitForExitProperty());
        timeout.textProperty().bindBidirectional(form.timeoutProperty());
    }

    /** The Plan button waits for a command that splits; what is wrong with it is shown in red meanwhile. */
    private void markInvalid(boolean invalid) {
        commandJson.getStyleClass().remove(Styles.DANGER);
        if (invalid) {
            commandJson.getStyleClass().add(Styles.DANGER);
        }
    }

    private void load(String chosenTaskDefinition) {
        ready.set(false);
        work.run("Reading the task form's defaults", () -> tasks.defaults(environment, service, chosenTaskDefinition))
                .onSuccess(this::fill)
                .onFailure(error -> {
                    problem.setText(error.getMessage());
                    taskDefinitionNote.setText("");
                    ready.set(defaults != null);
                })
                .start();
    }

    private void fill(TaskRunDefaults loaded) {
        boolean first = defaults == null;
        defaults = loaded;
        String current = TaskDefinitionNames.familyRevision(loaded.taskDefinition());
        String newest = TaskDefinitionNames.familyRevision(loaded.latestTaskDefinition());
        if (first) {
            serviceRuns = current;
        }
        taskDefinition.getItems().setAll(new java.util.LinkedHashSet<>(List.of(serviceRuns, current, newest.isEmpty() ? current : newest)));
        taskDefinition.setValue(current);
        StringBuilder note = new StringBuilder(loaded.service() == null ? "" : loaded.service() + " runs " + serviceRuns + ". ");
        boolean warn = loaded.behindLatest() || !current.equals(serviceRuns);
        if (!current.equals(serviceRuns)) {
            note.append("⚠ This task uses ").append(current).append(" instead. ");
        }
        note.append(loaded.behindLatest() ? "⚠ " + newest + " is the newest revision of its family." : current + " is the family's newest revision.");
        taskDefinitionNote.setText(note.toString());
        taskDefinitionNote.getStyleClass().removeAll(Styles.WARNING, Styles.TEXT_MUTED);
        taskDefinitionNote.getStyleClass().add(warn ? Styles.WARNING : Styles.TEXT_MUTED);
        String keep = container.getValue();
        container.getItems().setAll(loaded.containers());
        container.setValue(keep != null && loaded.containers().contains(keep) ? keep : loaded.container());
        if (first) {
            form.fillNetwork(loaded);
        }
        problem.setText("");
        ready.set(true);
    }

    private void loadRecentCommands() {
        work.run("Reading recent commands", () -> OneOffTaskFactory.recentCommands(launcher.runner().store(), environment.name(), 10))
                .onSuccess(recent -> {
                    command.getItems().setAll(recent);
                    if (command.getEditor().getText().isEmpty() && !recent.isEmpty()) {
                        command.getEditor().setText(recent.get(0));
                    }
                })
                .start();
    }

    /** Reads the form; anything wrong is said in the Activity view's message line, and nothing runs. */
    private void submit() {
        Callable<Operation> operation;
        try {
            TaskRunRequest request = form.request(defaults.service());
            operation = () -> tasks.task(environment, request);
        } catch (IllegalArgumentException e) {
            operation = () -> {
                throw e;
            };
        }
        launched.run();
        launcher.launch("task on " + environment.name(), operation);
    }
}
