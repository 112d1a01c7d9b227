package dev.capstan.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Ctrl+K: a search box over everything one can go to or do (views, environments, actions). Typing
 * narrows the list by every word; Enter runs the highlighted entry; Escape closes it.
 */
final class CommandPalette extends StackPane {
    record Entry(String label, String kind, Runnable action) {
        boolean matches(String query) {
            String text = (kind + " " + label).toLowerCase(Locale.ROOT);
            for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
                if (!text.contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Supplier<List<Entry>> entries;
    private final TextField query = new TextField();
    private final ListView<Entry> list = new ListView<>();

    CommandPalette(Supplier<List<Entry>> entries) {
        this.entries = entries;
        setId("command-palette");
        setVisible(false);
        setAlignment(Pos.TOP_CENTER);
        setPadding(new Insets(60, 0, 0, 0));
        setStyle("-fx-background-color: rgba(0,0,0,0.25);");
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close();
            }
        });

        query.setId("palette-query");
        query.setPromptText("Go to a view, an environment or an action…");
        list.setId("palette-list");
        list.setPrefHeight(300);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.label() + "    · " + entry.kind());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                runSelected();
            }
        });
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                runSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });

        VBox box = new VBox(6, query, list);
        box.getStyleClass().add("palette-box");
        box.setMaxWidth(560);
        box.setMaxHeight(360);
        box.setPadding(new Insets(10));
        box.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8; -fx-border-color: -color-border-default; "
                + "-fx-border-radius: 8; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 18, 0, 0, 4);");
        getChildren().add(box);
    }

    void open() {
        FilteredList<Entry> filtered = new FilteredList<>(FXCollections.observableArrayList(entries.get()));
        query.textProperty().addListener((obs, old, text) -> {
            filtered.setPredicate(entry -> text.isBlank() || entry.matches(text));
            list.getSelectionModel().selectFirst();
        });
        list.setItems(filtered);
        query.clear();
        list.getSelectionModel().selectFirst();
        setVisible(true);
        query.requestFocus();
    }

    void close() {
        setVisible(false);
    }

    private void runSelected() {
        Entry chosen = list.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            close();
            chosen.action().run();
        }
    }
}
