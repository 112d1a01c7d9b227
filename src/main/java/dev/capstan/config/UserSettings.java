package dev.capstan.config;

import java.util.ArrayList;
import java.util.List;

/** What Capstan remembers for a person between sessions. */
public record UserSettings(String theme, WindowBounds window, List<String> recentWorkspaces, String lastEnvironment) {
    public static final int RECENT_LIMIT = 8;

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public UserSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
    }

    public static UserSettings defaults() {
        return new UserSettings("light", null, List.of(), null);
    }

    public UserSettings withTheme(String newTheme) {
        return new UserSettings(newTheme, window, recentWorkspaces, lastEnvironment);
    }

    public UserSettings withWindow(WindowBounds bounds) {
        return new UserSettings(theme, bounds, recentWorkspaces, lastEnvironment);
    }

    public UserSettings withLastEnvironment(String environment) {
        return new UserSettings(theme, window, recentWorkspaces, environment);
    }

    /** Puts the workspace first in the recent list, once, keeping the list short. */
    public UserSettings withRecentWorkspace(String path) {
        List<String> recent = new ArrayList<>(recentWorkspaces);
        recent.remove(path);
        recent.add(0, path);
        return new UserSettings(theme, window, recent.subList(0, Math.min(recent.size(), RECENT_LIMIT)), lastEnvironment);
    }
}
