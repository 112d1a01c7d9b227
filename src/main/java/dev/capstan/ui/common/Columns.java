package dev.capstan.ui.common;

import dev.capstan.domain.Visible;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Table columns and row menus the resource views share. */
public final class Columns {
    private Columns() {
    }

    public static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // Text from AWS may hold control characters; a cell shows them as escapes, as the CLI prints them.
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Visible.text(value.apply(cell.getValue()))));
        return column;
    }

    /** A number column: sorts as a number, not as text. */
    public static <R> TableColumn<R, Integer> number(String title, double width, Function<R, Integer> value) {
        TableColumn<R, Integer> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** A right-click menu on every row: copy the row's ARN, copy the AWS CLI command that shows it. */
    public static <R> void copyMenu(TableView<R> table, Function<R, String> arn, Function<R, String> cli) {
        table.setRowFactory(view -> {
            TableRow<R> row = new TableRow<>();
            MenuItem copyArn = new MenuItem("Copy ARN");
            copyArn.setOnAction(e -> copy(arn.apply(row.getItem())));
            MenuItem copyCli = new MenuItem("Copy as AWS CLI");
            copyCli.setOnAction(e -> copy(cli.apply(row.getItem())));
            ContextMenu menu = new ContextMenu(copyArn, copyCli);
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
    }

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A red line that shows a panel's error in place, and takes no room when there is none. */
    public static Label errorLine(javafx.beans.value.ObservableStringValue error, String id) {
        return messageLine(error, id, atlantafx.base.theme.Styles.DANGER, null);
    }

    /** A wrapping line bound to a message, styled (danger, warning, success), hidden and taking no room while empty. */
    public static Label messageLine(javafx.beans.value.ObservableStringValue text, String id, String style, org.kordamp.ikonli.Ikon icon) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        if (icon != null) {
            label.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(icon));
        }
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
