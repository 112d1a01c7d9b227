package dev.capstan.ui.common;

import javafx.scene.Node;
import javafx.stage.Window;

/** Window-lifetime helpers for views that run something of their own (a poll, a follower, a frame timer). */
public final class Windows {
    private Windows() {
    }

    /** Runs {@code action} when the window that shows {@code node} closes, whenever the node is put in one. */
    public static void onClose(Node node, Runnable action) {
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                watch(scene.getWindow(), action);
                scene.windowProperty().addListener((o, was, window) -> watch(window, action));
            }
        });
    }

    private static void watch(Window window, Runnable action) {
        if (window != null) {
            window.showingProperty().addListener((w, before, showing) -> {
                if (!showing) {
                    action.run();
                }
            });
        }
    }
}
