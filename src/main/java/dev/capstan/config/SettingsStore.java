package dev.capstan.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link UserSettings} as JSON; a damaged file falls back to defaults rather than stopping the console. */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public SettingsStore(Path file) {
        this.file = file;
    }

    public UserSettings load() {
        if (!Files.exists(file)) {
            return UserSettings.defaults();
        }
        try {
            UserSettings settings = mapper.readValue(file.toFile(), UserSettings.class);
            return settings == null ? UserSettings.defaults() : settings;
        } catch (IOException e) {
            LOG.warn("Settings in {} could not be read ({}); using defaults", file, e.getMessage());
            return UserSettings.defaults();
        }
    }

    /** Writes through a temporary file and a rename, so a crash never leaves half a settings file. */
    public void save(UserSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "settings", ".tmp");
            mapper.writeValue(temporary.toFile(), settings);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save settings to " + file, e);
        }
    }
}
