package dev.capstan.ui.runs;

import atlantafx.base.theme.Styles;
import dev.capstan.ops.Confirmation;
import dev.capstan.ops.ConfirmationRequest;
import dev.capstan.ops.Decision;
import dev.capstan.ops.PlannedStep;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Shows a plan before anything changes and asks for the confirmation it needs: a button for most
 * environments, the environment's name typed for a production one. It does not block the FX thread:
 * the answer completes the returned future.
 */
public final class PlanDialog implements Confirmation {
    private final Window owner;

    public PlanDialog(Window owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Decision> ask(ConfirmationRequest request) {
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        Dialog<Decision> dialog = build(request);
        dialog.setOnHidden(e -> answer.complete(dialog.getResult() == null ? Decision.no() : dialog.getResult()));
        dialog.show();
        return answer;
    }

    private Dialog<Decision> build(ConfirmationRequest request) {
        Dialog<Decision> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(request.verb() + ": " + request.plan().title());
        dialog.setResizable(true);
        ButtonType go = new ButtonType(request.verb() + " on " + request.environment().name(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().setId("plan-dialog");

        Label heading = new Label(request.plan().title());
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(10, heading, steps(request));
        details(request).ifPresent(content.getChildren()::add);
        for (String warning : request.plan().warnings()) {
            Label line = new Label(warning, new FontIcon(Feather.ALERT_TRIANGLE));
            line.getStyleClass().add(Styles.WARNING);
            line.setWrapText(true);
            content.getChildren().add(line);
        }
        TextField typed = new TextField();
        typed.setId("confirm-env-name");
        if (request.typedNameRequired()) {
            Label production = new Label(request.environment().name() + " is a PRODUCTION environment. Type its name to "
                    + request.verb().toLowerCase(Locale.ROOT) + ":", new FontIcon(Feather.SHIELD));
            production.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
            typed.setPromptText(request.environment().name());
            content.getChildren().addAll(production, typed);
            dialog.getDialogPane().lookupButton(go).disableProperty().bind(typed.textProperty().isNotEqualTo(request.environment().name()));
        }
        dialog.getDialogPane().lookupButton(go).setId("confirm-run");
        dialog.getDialogPane().lookupButton(go).getStyleClass().add(request.environment().production() ? Styles.DANGER : Styles.ACCENT);
        content.setPrefWidth(900);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(940);
        dialog.getDialogPane().setMinWidth(900);
        dialog.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.setResultConverter(button -> button == go
                ? (request.typedNameRequired() ? Decision.typing(typed.getText()) : Decision.yes())
                : Decision.no());
        return dialog;
    }

    /** Everything the steps will touch (each object a copy copies, each object a mirror removes), so none is a surprise. */
    private static java.util.Optional<javafx.scene.Node> details(ConfirmationRequest request) {
        StringBuilder text = new StringBuilder();
        int items = 0;
        for (PlannedStep step : request.plan().steps()) {
            if (!step.details().isEmpty()) {
                text.append("Step ").append(step.number()).append(" (").append(step.details().size()).append("):\n");
                step.details().forEach(item -> text.append("    ").append(item).append('\n'));
                items += step.details().size();
            }
        }
        if (items == 0) {
            return java.util.Optional.empty();
        }
        javafx.scene.control.TextArea list = new javafx.scene.control.TextArea(text.toString());
        list.setId("plan-details");
        list.setEditable(false);
        list.setPrefRowCount(8);
        list.setStyle("-fx-font-family: monospace;");
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("What the steps touch: " + items + (items == 1 ? " item" : " items"), list);
        pane.setExpanded(false);
        return java.util.Optional.of(pane);
    }

    /**
     * The steps as a grid, not a table: a plan's sentences are read whole, so each row grows to show every
     * line of its sentence instead of cutting it off.
     */
    private static javafx.scene.Node steps(ConfirmationRequest request) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("plan-steps");
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new javafx.geometry.Insets(8));
        javafx.scene.layout.ColumnConstraints number = new javafx.scene.layout.ColumnConstraints();
        number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints kind = new javafx.scene.layout.ColumnConstraints();
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints sentence = new javafx.scene.layout.ColumnConstraints();
        sentence.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        sentence.setMinWidth(300);
        sentence.setPrefWidth(560);
        javafx.scene.layout.ColumnConstraints change = new javafx.scene.layout.ColumnConstraints(190, 190, 190);
        grid.getColumnConstraints().addAll(number, kind, sentence, change);
        String[] headings = {"#", "Kind", "Step", "Before → after"};
        for (int i = 0; i < headings.length; i++) {
            Label heading = new Label(headings[i]);
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(heading, i, 0);
        }
        int row = 1;
        for (PlannedStep step : request.plan().steps()) {
            grid.add(new Label(Integer.toString(step.number())), 0, row);
            grid.add(new Label(step.kind().name().toLowerCase(Locale.ROOT)), 1, row);
            grid.add(wrapped(step.sentence()), 2, row);
            grid.add(wrapped(step.hasChange() ? step.before() + " → " + step.after() : ""), 3, row);
            row++;
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(480, 40 + 75 * request.plan().steps().size()));
        return scroll;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }

}
