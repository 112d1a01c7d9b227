package dev.capstan.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole records of the runs read most lately, each with the size and time of its journal, so a view
 * that shows the same run every few seconds reads its journal again only when the run has moved on.
 * Bounded: a year of history is listed from the index, not held here.
 */
final class RecentRecords {
    private static final int KEPT = 64;

    private final Function<Path, RunRecord> readJournal;
    private final Map<Path, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Kept> eldest) {
            return size() > KEPT;
        }
    };

    private record Kept(long size, long modified, RunRecord record) {
    }

    RecentRecords(Function<Path, RunRecord> readJournal) {
        this.readJournal = readJournal;
    }

    RunRecord read(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the run journal " + file + ": " + e.getMessage(), e);
        }
        long modified = attributes.lastModifiedTime().toMillis();
        synchronized (kept) {
            Kept known = kept.get(file);
            if (known != null && known.size() == attributes.size() && known.modified() == modified) {
                return known.record();
            }
        }
        RunRecord record = readJournal.apply(file);
        synchronized (kept) {
            kept.put(file, new Kept(attributes.size(), modified, record));
        }
        return record;
    }
}
