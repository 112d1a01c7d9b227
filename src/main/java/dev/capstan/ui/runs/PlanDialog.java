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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
        VBox content = new VBox(10, heading, steps(request));
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

    private static TableView<PlannedStep> steps(ConfirmationRequest request) {
        TableView<PlannedStep> table = new TableView<>();
        table.setId("plan-steps");
        table.getItems().setAll(request.plan().steps());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(Math.min(460, 60 + 42 * request.plan().steps().size()));
        table.getColumns().add(column("#", 36, s -> Integer.toString(s.number())));
        table.getColumns().add(column("Kind", 70, s -> s.kind().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(column("Before → after", 140, s -> s.hasChange() ? s.before() + " → " + s.after() : ""));
        table.getColumns().add(column("Step", 560, PlannedStep::sentence));
        return table;
    }

    private static TableColumn<PlannedStep, String> column(String title, double width, java.util.function.Function<PlannedStep, String> value) {
        TableColumn<PlannedStep, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
