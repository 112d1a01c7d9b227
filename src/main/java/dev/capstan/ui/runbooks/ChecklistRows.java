package dev.capstan.ui.runbooks;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A runbook's steps drawn as a checklist: ticked, in progress, failed or still to do, with who, when and each check's evidence. */
final class ChecklistRows {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private ChecklistRows() {
    }

    /** The steps of a runbook no run has walked yet. */
    static List<Node> of(Runbook runbook) {
        List<Node> rows = new ArrayList<>();
        int n = 1;
        for (Runbook.Step step : runbook.steps()) {
            String kind = step instanceof Runbook.Manual ? "manual" : step instanceof Runbook.OperationCall o ? o.operation() : ((Runbook.CheckCall) step).check();
            rows.add(row(Feather.CIRCLE, Styles.TEXT_MUTED, n++ + ". " + step.title(), kind, List.of()));
        }
        return rows;
    }

    /** The steps of a run, as its journal tells them. */
    static List<Node> of(List<StepRecord> steps, String operator) {
        List<Node> rows = new ArrayList<>();
        for (StepRecord step : steps) {
            String title = step.planned().number() + ". " + step.planned().sentence();
            List<String> evidence = step.log().stream().filter(l -> l.startsWith("evidence: ")).map(l -> l.substring(10)).toList();
            Node row = switch (step.state()) {
                case DONE -> row(Feather.CHECK_CIRCLE, Styles.SUCCESS, title, step.summary()
                        + (step.planned().kind() == StepKind.MANUAL ? "" : " · " + operator + ", " + WHEN.format(step.finishedAt())), evidence);
                case FAILED -> row(Feather.X_CIRCLE, Styles.DANGER, title, step.error(), evidence);
                case RUNNING -> row(Feather.PLAY_CIRCLE, Styles.ACCENT, title, step.planned().kind() == StepKind.MANUAL ? "waiting for a tick"
                        : step.log().isEmpty() ? "in progress" : step.log().get(step.log().size() - 1), evidence);
                case PENDING -> row(Feather.CIRCLE, Styles.TEXT_MUTED, title, "", List.of());
            };
            rows.add(row);
        }
        return rows;
    }

    private static Node row(Feather icon, String style, String title, String detail, List<String> evidence) {
        FontIcon mark = new FontIcon(icon);
        mark.getStyleClass().add(style);
        Label heading = new Label(title);
        heading.setWrapText(true);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox text = new VBox(2, heading);
        if (detail != null && !detail.isBlank()) {
            Label more = new Label(detail);
            more.setWrapText(true);
            more.getStyleClass().add(Styles.TEXT_MUTED);
            text.getChildren().add(more);
        }
        evidence.forEach(line -> {
            Label item = new Label("• " + line);
            item.setWrapText(true);
            item.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            text.getChildren().add(item);
        });
        HBox row = new HBox(10, mark, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.setPadding(new Insets(4, 0, 4, 0));
        row.getStyleClass().add("runbook-step");
        return row;
    }
}
