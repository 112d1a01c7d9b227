package dev.capstan.ui.taskdefs;

import atlantafx.base.theme.Styles;
import dev.capstan.ops.taskdefs.Finding;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One finding: its sentence, wrapped, behind an icon of its severity. */
final class FindingCell extends ListCell<Finding> {
    @Override
    protected void updateItem(Finding f, boolean empty) {
        super.updateItem(f, empty);
        if (empty || f == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(f.sentence());
        setWrapText(true);
        setPrefWidth(0);
        FontIcon icon = new FontIcon(switch (f.severity()) {
            case BLOCKER -> Feather.X_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case CHANGED -> Feather.EDIT_3;
            case OK -> Feather.CHECK_CIRCLE;
        });
        icon.getStyleClass().add(switch (f.severity()) {
            case BLOCKER -> Styles.DANGER;
            case WARNING -> Styles.WARNING;
            case CHANGED -> Styles.ACCENT;
            case OK -> Styles.SUCCESS;
        });
        setGraphic(icon);
    }
}
