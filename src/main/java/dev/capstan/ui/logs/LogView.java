package dev.capstan.ui.logs;

import dev.capstan.domain.Visible;
import atlantafx.base.theme.Styles;
import dev.capstan.domain.LogEvent;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.shell.AppView;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Live CloudWatch lines of a service, a task or a log group. New lines reach the list once per frame in
 * one batch; ERROR and WARN lines are coloured; a local highlight (text or regex) marks lines without
 * hiding others; the server-side filter pattern narrows what is read.
 */
public final class LogView implements AppView {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private final LogViewModel model;
    private final VBox root = new VBox(8);
    private final ListView<LogEvent> list = new ListView<>();
    private final CheckBox wrap = new CheckBox("Wrap");
    private Pattern highlight;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (model.drain() > 0 && !model.pausedProperty().get()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        }
    };

    public LogView(LogViewModel model) {
        this.model = model;
        build();
        frames.start();
        dev.capstan.ui.common.Windows.onClose(root, () -> {
            frames.stop();
            model.stop();
        });
    }

    @Override
    public String title() {
        return "Logs";
    }

    @Override
    public Ikon icon() {
        return Feather.ALIGN_LEFT;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        model.start();
    }

    public ListView<LogEvent> list() {
        return list;
    }

    private void build() {
        root.setId("logs-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Logs");
        title.getStyleClass().add(Styles.TITLE_3);
        ComboBox<LogViewModel.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(LogViewModel.Kind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setId("logs-kind");
        TextField subject = field("logs-subject", "service (default: the environment's), task ARN, or log group", 300);
        subject.textProperty().bindBidirectional(model.subjectProperty());
        TextField since = field("logs-since", "since", 60);
        since.textProperty().bindBidirectional(model.sinceProperty());
        TextField pattern = field("logs-pattern", "CloudWatch filter pattern", 180);
        pattern.textProperty().bindBidirectional(model.patternProperty());
        Button follow = new Button("Follow", new FontIcon(Feather.PLAY));
        follow.setId("logs-follow");
        follow.getStyleClass().add(Styles.ACCENT);
        follow.setOnAction(e -> model.start());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("logs-stop");
        stop.setOnAction(e -> model.stop());
        HBox source = new HBox(8, title, kind, subject, new Label("since"), since, pattern, follow, stop);
        source.setAlignment(Pos.CENTER_LEFT);

        TextField mark = field("logs-highlight", "highlight (text or regex)", 180);
        mark.textProperty().bindBidirectional(model.highlightProperty());
        mark.textProperty().addListener((obs, old, text) -> compileHighlight(text, mark));
        ToggleButton pause = new ToggleButton("Pause", new FontIcon(Feather.PAUSE));
        pause.setId("logs-pause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        CheckBox utc = new CheckBox("UTC");
        utc.setId("logs-utc");
        utc.selectedProperty().bindBidirectional(model.utcProperty());
        utc.selectedProperty().addListener((obs, was, now) -> list.refresh());
        wrap.setId("logs-wrap");
        wrap.selectedProperty().addListener((obs, was, now) -> list.refresh());
        TextField jump = field("logs-jump", "jump to HH:mm[:ss]", 130);
        jump.setOnAction(e -> jumpTo(jump.getText()));
        Button copy = new Button("Copy", new FontIcon(Feather.CLIPBOARD));
        copy.setOnAction(e -> Columns.copy(String.join("\n", list.getSelectionModel().getSelectedItems().stream().map(this::line).toList())));
        Button save = new Button("Save…", new FontIcon(Feather.DOWNLOAD));
        save.setOnAction(e -> save());
        Label state = new Label();
        state.setId("logs-state");
        state.textProperty().bind(model.stateProperty());
        state.getStyleClass().add(Styles.TEXT_MUTED);
        Label dropped = new Label();
        dropped.setId("logs-dropped");
        dropped.getStyleClass().add(Styles.WARNING);
        dropped.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.droppedProperty().get() == 0 ? ""
                : model.droppedProperty().get() + " older lines dropped (keeping " + model.capProperty().get() + ")", model.droppedProperty()));
        TextField keep = field("logs-cap", "lines kept", 80);
        keep.setText(Integer.toString(model.capProperty().get()));
        keep.setTooltip(new javafx.scene.control.Tooltip("How many lines to keep; older ones are dropped"));
        keep.setOnAction(e -> {
            try {
                model.capProperty().set(Math.max(1, Integer.parseInt(keep.getText().trim())));
            } catch (NumberFormatException ex) {
                model.stateProperty().set("'" + keep.getText() + "' is not a number of lines");
                keep.setText(Integer.toString(model.capProperty().get()));
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox reading = new HBox(8, mark, pause, utc, wrap, jump, new Label("keep"), keep, copy, save, grow, dropped, state);
        reading.setAlignment(Pos.CENTER_LEFT);

        list.setId("logs-list");
        list.setItems(model.lines());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("Choose a source and press Follow"));
        list.setStyle("-fx-font-family: monospace;");
        list.setCellFactory(view -> new LineCell());
        // One height for every line lets the list lay out 100,000 lines without measuring them; wrapping needs measuring.
        list.setFixedCellSize(22);
        wrap.selectedProperty().addListener((obs, was, now) -> list.setFixedCellSize(now ? Region.USE_COMPUTED_SIZE : 22));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label notice = new Label();
        notice.setId("logs-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        root.getChildren().addAll(source, reading, notice, list);
    }

    private static TextField field(String id, String prompt, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        return field;
    }

    private void compileHighlight(String text, TextField field) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        try {
            highlight = text == null || text.isBlank() ? null : Pattern.compile(text, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            highlight = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE);
        }
        list.refresh();
    }

    String line(LogEvent e) {
        Instant at = Instant.ofEpochMilli(e.timestamp());
        String stream = e.stream() == null ? "" : e.stream();
        String shortStream = stream.substring(stream.lastIndexOf('/') + 1);
        // A task id's first 12 characters tell tasks apart, as the AWS console shows them.
        return (model.utcProperty().get() ? UTC : LOCAL).format(at) + "  " + (shortStream.length() > 12 ? shortStream.substring(0, 12) : shortStream)
                + "  " + Visible.text(e.message());
    }

    private void jumpTo(String text) {
        try {
            LocalTime time = LocalTime.parse(text.trim().length() == 5 ? text.trim() + ":00" : text.trim());
            ZoneId zone = model.utcProperty().get() ? ZoneOffset.UTC : ZoneId.systemDefault();
            for (int i = 0; i < model.lines().size(); i++) {
                LocalTime at = Instant.ofEpochMilli(model.lines().get(i).timestamp()).atZone(zone).toLocalTime();
                if (!at.isBefore(time)) {
                    model.pausedProperty().set(true);
                    list.scrollTo(i);
                    list.getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
            model.stateProperty().set("no line at or after " + text);
        } catch (java.time.format.DateTimeParseException e) {
            model.stateProperty().set("'" + text + "' is not a time; write it like 14:05 or 14:05:30");
        }
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the lines shown");
        chooser.setInitialFileName("capstan-logs.txt");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                Files.write(file.toPath(), model.lines().stream().map(this::line).toList(), StandardCharsets.UTF_8);
                model.stateProperty().set("saved " + model.lines().size() + " lines to " + file);
            } catch (IOException e) {
                model.stateProperty().set("could not save " + file + ": " + e.getMessage());
            }
        }
    }

    /** One line: time, stream (its last part, the task id), message; ERROR and WARN coloured; highlight in bold. */
    private final class LineCell extends ListCell<LogEvent> {
        @Override
        protected void updateItem(LogEvent event, boolean empty) {
            super.updateItem(event, empty);
            if (empty || event == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(line(event));
            setWrapText(wrap.isSelected());
            String message = event.message();
            StringBuilder style = new StringBuilder();
            if (message.contains("ERROR") || message.contains("Exception")) {
                style.append("-fx-text-fill: -color-danger-fg;");
            } else if (message.contains("WARN")) {
                style.append("-fx-text-fill: -color-warning-fg;");
            }
            if (highlight != null && highlight.matcher(message).find()) {
                style.append("-fx-font-weight: bold; -fx-background-color: -color-accent-subtle;");
            }
            setStyle(style.toString());
        }
    }
}
