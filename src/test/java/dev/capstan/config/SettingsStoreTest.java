package dev.capstan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void remembersThemeWindowAndRecentWorkspaces() {
        SettingsStore store = new SettingsStore(dir.resolve("capstan/settings.json"));
        UserSettings settings = store.load().withTheme("dark")
                .withWindow(new UserSettings.WindowBounds(10, 20, 1000, 700, false))
                .withRecentWorkspace("/a.yaml").withRecentWorkspace("/b.yaml").withRecentWorkspace("/a.yaml")
                .withLastEnvironment("staging");
        store.save(settings);
        UserSettings again = new SettingsStore(dir.resolve("capstan/settings.json")).load();
        assertThat(again).isEqualTo(settings);
        assertThat(again.recentWorkspaces()).containsExactly("/a.yaml", "/b.yaml");
    }

    @Test
    void recentListStaysShort() {
        UserSettings settings = UserSettings.defaults();
        for (int i : IntStream.range(0, 20).toArray()) {
            settings = settings.withRecentWorkspace("/w" + i + ".yaml");
        }
        assertThat(settings.recentWorkspaces()).hasSize(UserSettings.RECENT_LIMIT).first().isEqualTo("/w19.yaml");
    }

    @Test
    void damagedFileFallsBackToDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ this is not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(UserSettings.defaults());
    }

    @Test
    void xdgDirectoriesAreHonouredAndRelativeOnesIgnored() {
        UserDirectories dirs = UserDirectories.fromEnvironment(java.util.Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "relative"));
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/capstan"));
        assertThat(dirs.state()).isEqualTo(Path.of(System.getProperty("user.home"), ".local/state/capstan"));
    }
}
