package dev.capstan.ui.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A view the sidebar can show. Views are built once and kept; they refresh when asked (F5) or shown. */
public interface AppView {
    String title();

    Ikon icon();

    Node node();

    /** Called each time the view comes to the front. */
    default void shown() {
    }

    /** Called when another view comes to the front: a view that polls stops polling. */
    default void hidden() {
    }

    /** F5: read the world again. */
    void refresh();
}
