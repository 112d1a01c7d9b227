package dev.capstan.ops.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How much of each journal the team's record holds, one small file per run in {@code runs/mirror/}: the number of
 * whole lines sent and the journal's size then. Written only after the table took those lines, so a console that
 * dies or goes offline sends the rest later, from where it was, once.
 */
final class MirrorMarks {
    /** What was sent of one journal; {@code table} is "-" for a journal of an environment with no table (nothing to send). */
    record Mark(int lines, long bytes, String table) {
        static final Mark NONE = new Mark(0, 0, "");
    }

    private final Path folder;

    MirrorMarks(Path runsFolder) {
        this.folder = runsFolder.resolve("mirror");
    }

    Mark of(String runId) {
        Path file = folder.resolve(runId);
        try {
            if (!Files.exists(file)) {
                return Mark.NONE;
            }
            String[] words = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            return new Mark(Integer.parseInt(words[0]), Long.parseLong(words[1]), words.length > 2 ? words[2] : "");
        } catch (IOException | RuntimeException e) {
            // A mark that cannot be read sends the journal again from its start: its chunks are replaced, never doubled.
            return Mark.NONE;
        }
    }

    void put(String runId, Mark mark) {
        Path file = folder.resolve(runId);
        Path next = folder.resolve(runId + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.writeString(next, mark.lines() + " " + mark.bytes() + " " + mark.table(), StandardCharsets.UTF_8);
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not note what was mirrored of run " + runId + " in " + file + ": " + e.getMessage(), e);
        }
    }
}
