package dev.capstan.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Capstan keeps its own files, following the XDG base directory convention: settings in config,
 * journals in state, what can be made again (JavaFX's unpacked native libraries) in cache. Never beside the
 * program, which an installed package keeps read-only and replaces on upgrade.
 */
public record UserDirectories(Path config, Path state, Path cache) {

    public static UserDirectories fromEnvironment(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        return new UserDirectories(
                base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("capstan"),
                base(env.get("XDG_STATE_HOME"), home.resolve(".local/state")).resolve("capstan"),
                base(env.get("XDG_CACHE_HOME"), home.resolve(".cache")).resolve("capstan"));
    }

    private static Path base(String value, Path fallback) {
        // The spec says a relative path is invalid and must be ignored.
        return value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
    }
}
