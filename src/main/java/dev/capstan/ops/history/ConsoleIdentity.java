package dev.capstan.ops.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Which console this is, in the team's history: an id made once per state folder (so the console, its CLI and a
 * restart of either are one console, and two machines are two), and the person and host people see.
 */
public record ConsoleIdentity(String id, String name) {
    private static final String FILE = "console-id";

    /** The id kept in {@code folder}, made there the first time. */
    public static ConsoleIdentity in(Path folder, String name) {
        Path file = folder.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return new ConsoleIdentity(id, name);
                }
            }
            Files.createDirectories(folder);
            String id = UUID.randomUUID().toString();
            Path next = folder.resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(next, id, StandardCharsets.UTF_8);
            try {
                // Two processes starting at once: the first id moved into place wins, and both read it back.
                Files.move(next, file);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.deleteIfExists(next);
            }
            return new ConsoleIdentity(Files.readString(file, StandardCharsets.UTF_8).strip(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep this console's id in " + file + ": " + e.getMessage(), e);
        }
    }
}
