package dev.capstan.ui.runbooks;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.runbook.Attendant;
import dev.capstan.ops.runbook.RunbookCatalog;
import dev.capstan.ops.runbook.RunbookRecord;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.runs.RunLauncher;
import dev.capstan.ui.shell.AppView;
import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Release checklists in the console: pick a runbook, fill its parameters, start it, and walk it. The
 * current step is clear; a manual step waits here for its tick (and note), an operation shows its own plan
 * and runs as a run of its own, a check shows its evidence. Any run of the runbook on this environment
 * can be reopened, resumed (tomorrow, on production) and copied as Markdown for the release issue.
 */
public final class RunbooksView implements AppView {
    private final RunbooksModel model;
    private final ConsoleAttendant attendant;
    private final RunLauncher launcher;
    private final Window owner;
    private final VBox root = new VBox(10);
    private final GridPane parameters = new GridPane();
    private RunbookForm form;
    private final VBox checklist = new VBox(2);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

    public RunbooksView(RunbooksModel model, ConsoleAttendant attendant, RunLauncher launcher, Window owner) {
        this.model = model;
        this.attendant = attendant;
        this.launcher = launcher;
        this.owner = owner;
        build();
        model.selectedProperty().addListener((obs, old, entry) -> showRunbook(entry));
        model.runProperty().addListener((obs, old, run) -> drawChecklist());
    }

    @Override
    public String title() {
        return "Runbooks";
    }

    @Override
    public Ikon icon() {
        return Feather.CHECK_SQUARE;
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
        model.load();
    }

    private void build() {
        root.setId("runbooks-view");
        root.setPadding(new Insets(12));
        Label heading = new Label("Runbooks");
        heading.getStyleClass().add(Styles.TITLE_3);
        ListView<RunbookCatalog.Entry> list = new ListView<>(model.entries());
        list.setId("runbooks-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunbookCatalog.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.runbook().title() + "\n" + entry.runbook().steps().size() + " steps · "
                        + ("built-in".equals(entry.runbook().source()) ? "built-in" : "runbooks/"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                model.selectedProperty().set(entry);
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> {
            if (entry != null && list.getSelectionModel().getSelectedItem() != entry) {
                list.getSelectionModel().select(entry);
            }
        });
        list.setPrefWidth(240);
        SplitPane split = new SplitPane(list, detail());
        split.setDividerPositions(0.24);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, Columns.messageLine(model.problemsProperty(), "runbooks-problems", Styles.WARNING, Feather.ALERT_TRIANGLE),
                Columns.errorLine(model.errorProperty(), "runbooks-error"), split);
    }

    private Node detail() {
        Label title = new Label();
        title.setId("runbook-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null ? ""
                : model.selectedProperty().get().runbook().title(), model.selectedProperty()));
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null ? ""
                : model.selectedProperty().get().runbook().description().strip(), model.selectedProperty()));
        description.setMinHeight(Region.USE_PREF_SIZE);
        parameters.setHgap(8);
        parameters.setVgap(6);
        parameters.setId("runbook-params");
        Button start = new Button("Start runbook…", new FontIcon(Feather.PLAY));
        start.setId("runbook-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.selectedProperty().isNull().or(model.environmentProperty().isNull()));
        start.setOnAction(e -> start());

        // The form folds away while a run is shown, so the checklist has the room; unfolding it starts another run.
        TitledPane form = new TitledPane("Start a run", new VBox(10, description, parameters, start));
        form.setId("runbook-form");
        model.runProperty().addListener((obs, old, run) -> {
            if ((old == null) != (run == null)) {
                form.setExpanded(run == null);
            }
        });
        VBox box = new VBox(10, title, form, Columns.messageLine(problem, "runbook-problem", Styles.DANGER, Feather.ALERT_CIRCLE), runLine(),
                waitingPanel());
        ScrollPane steps = new ScrollPane(checklist);
        steps.setFitToWidth(true);
        steps.setId("runbook-checklist");
        checklist.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(steps, Priority.ALWAYS);
        box.getChildren().add(steps);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }

    private void showRunbook(RunbookCatalog.Entry entry) {
        parameters.getChildren().clear();
        form = null;
        problem.set("");
        if (entry == null) {
            return;
        }
        form = new RunbookForm(model.runbooks(), entry);
        int row = 0;
        for (Runbook.Parameter p : entry.runbook().parameters()) {
            Label name = new Label(p.name() + (p.required() ? " *" : ""));
            name.setMinWidth(Region.USE_PREF_SIZE);
            TextField field = new TextField();
            field.textProperty().bindBidirectional(form.value(p.name()));
            field.setId("param-" + p.name());
            field.setPrefColumnCount(36);
            Label about = new Label(p.description() == null ? "" : p.description());
            about.getStyleClass().add(Styles.TEXT_MUTED);
            about.setWrapText(true);
            parameters.addRow(row++, name, field, about);
        }
        drawChecklist();
    }

    private void start() {
        RunbookCatalog.Entry entry = model.selectedProperty().get();
        Environment env = model.environmentProperty().get();
        problem.set("");
        try {
            // The view follows the new run within a second (the model's ticker); nothing else needs doing once it starts.
            launcher.launch("runbook " + entry.runbook().name(), form.start(env), () -> { }, problem::set);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    /** The run shown: which of the runbook's runs, how it stands, and what can be done with it. */
    private Node runLine() {
        ComboBox<RunSummary> runs = new ComboBox<>(model.history());
        runs.setId("runbook-runs");
        runs.setPromptText("No run of this runbook here yet");
        runs.setCellFactory(v -> new RunCell());
        runs.setButtonCell(new RunCell());
        runs.valueProperty().bindBidirectional(model.chosenProperty());
        Label status = new Label();
        status.setId("runbook-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.createStringBinding(() -> status(model.runProperty().get()), model.runProperty()));
        Button resume = new Button("Resume", new FontIcon(Feather.PLAY));
        resume.setId("runbook-resume");
        resume.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.runProperty().get() != null
                && model.runProperty().get().outcome().resumable(), model.runProperty()));
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> launcher.resume(model.runProperty().get(), model.environmentProperty().get()));
        Button copy = new Button("Copy record", new FontIcon(Feather.CLIPBOARD));
        copy.setId("runbook-copy-record");
        copy.disableProperty().bind(model.runProperty().isNull());
        copy.setOnAction(e -> Columns.copy(record()));
        Button save = new Button("Save record…", new FontIcon(Feather.FILE_TEXT));
        save.disableProperty().bind(model.runProperty().isNull());
        save.setOnAction(e -> save());
        for (Region keep : new Region[] {resume, copy, save}) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        runs.setMinWidth(260);
        HBox line = new HBox(8, runs, status, resume, copy, save);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static final class RunCell extends ListCell<RunSummary> {
        @Override
        protected void updateItem(RunSummary run, boolean empty) {
            super.updateItem(run, empty);
            setText(empty || run == null ? null : run.id() + " · " + run.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static String status(RunRecord run) {
        if (run == null) {
            return "";
        }
        long done = run.steps().stream().filter(s -> s.state() == dev.capstan.ops.StepRecord.State.DONE).count();
        String head = done + " of " + run.steps().size() + " steps done";
        return switch (run.outcome()) {
            case RUNNING -> head + "; walking now";
            case SUCCEEDED -> head + "; finished by " + run.osUser();
            default -> head + "; " + run.outcome().name().toLowerCase(java.util.Locale.ROOT) + (run.error() == null ? "" : ": " + run.error());
        };
    }

    /** The manual step the shown run waits on: its text, the note it asks for, and Tick. */
    private Node waitingPanel() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        TextArea text = new TextArea();
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.setId("runbook-manual-text");
        TextField note = new TextField();
        note.setId("runbook-note");
        Button tick = new Button("Tick: done", new FontIcon(Feather.CHECK));
        tick.setId("runbook-tick");
        tick.getStyleClass().add(Styles.SUCCESS);
        HBox actions = new HBox(8, note, tick);
        HBox.setHgrow(note, Priority.ALWAYS);
        VBox panel = new VBox(6, title, text, actions);
        panel.setId("runbook-waiting");
        panel.setPadding(new Insets(10));
        panel.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;");
        panel.visibleProperty().bind(attendant.waitingProperty().isNotNull());
        panel.managedProperty().bind(panel.visibleProperty());
        attendant.waitingProperty().addListener((obs, old, waiting) -> {
            if (waiting != null) {
                title.setText("Your turn: " + waiting.step().title());
                text.setText(waiting.text().strip());
                note.clear();
                note.setPromptText(waiting.step().noteLabel().isEmpty() ? "A note for the record (optional)" : waiting.step().noteLabel());
            }
        });
        tick.setOnAction(e -> {
            ConsoleAttendant.Waiting waiting = attendant.waitingProperty().get();
            if (waiting != null) {
                waiting.answer().complete(new Attendant.Tick(note.getText()));
            }
        });
        return panel;
    }

    private void drawChecklist() {
        RunRecord run = model.runProperty().get();
        RunbookCatalog.Entry entry = model.selectedProperty().get();
        if (run != null) {
            checklist.getChildren().setAll(ChecklistRows.of(run.steps(), run.osUser()));
        } else if (entry != null) {
            checklist.getChildren().setAll(ChecklistRows.of(entry.runbook()));
        } else {
            checklist.getChildren().clear();
        }
    }

    private String record() {
        return new RunbookRecord(ZoneId.systemDefault()).markdown(model.runProperty().get());
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(model.runProperty().get().id() + ".md");
        java.io.File file = chooser.showSaveDialog(owner);
        if (file != null) {
            try {
                Files.writeString(file.toPath(), record());
            } catch (IOException e) {
                problem.set("The record could not be saved: " + e.getMessage());
            }
        }
    }
}
