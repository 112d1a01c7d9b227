package dev.capstan.ui.shell;

import dev.capstan.config.UserSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window back where it was last time, if that place is still on a screen, and remembers it on close. */
final class WindowMemory {
    private WindowMemory() {
    }

    static void restore(Stage stage, UserSettings.WindowBounds bounds) {
        if (bounds == null || bounds.width() < 400 || bounds.height() < 300) {
            stage.setWidth(1280);
            stage.setHeight(800);
            return;
        }
        boolean visible = Screen.getScreens().stream()
                .map(Screen::getVisualBounds)
                .anyMatch(screen -> screen.intersects(new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height())));
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        if (visible) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
    }

    static UserSettings.WindowBounds capture(Stage stage) {
        return new UserSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
