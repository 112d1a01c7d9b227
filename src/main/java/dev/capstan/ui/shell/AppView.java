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

    /** F5: read the world again. */
    void refresh();
}
