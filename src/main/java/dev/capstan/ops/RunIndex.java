package dev.capstan.ops;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs folder's summaries, kept in {@code index.json} beside the journals so that a new process
 * (every CLI command) reads one file instead of every journal. Each summary is kept with the size and
 * modification time of the journal it was read from; a journal that changed since (a run moved on, in
 * this process or another) is read again, one that appeared is read once, one that went is dropped.
 * The index is a cache: deleting it costs one slow listing, never a run.
 */
final class RunIndex {
    private static final Logger LOG = LoggerFactory.getLogger(RunIndex.class);
    /** Raised when what the index keeps changes shape; an index of another format is rebuilt, not read. */
    static final int FORMAT = 2;
    static final String FILE = "index.json";
    private static final String JOURNAL = ".jsonl";

    private final Path directory;
    private final Function<Path, RunRecord> readJournal;
    private Map<String, Entry> entries;

    /** One journal's summary and the size and time of the journal it was read from. */
    record Entry(String file, long size, long modified, RunSummary summary) {
    }

    /** @param readJournal folds a whole journal, as if nobody were running it (liveness is asked at each query) */
    RunIndex(Path directory, Function<Path, RunRecord> readJournal) {
        this.directory = directory;
        this.readJournal = readJournal;
    }

    /** Every run's summary as the journals now say, in no order; outcomes not yet corrected for liveness. */
    synchronized List<RunSummary> current() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        if (entries == null) {
            entries = load();
        }
        boolean changed = false;
        Set<String> seen = new HashSet<>();
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(directory, "*" + JOURNAL)) {
            for (Path file : journals) {
                String name = file.getFileName().toString();
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                seen.add(name);
                Entry known = entries.get(name);
                long modified = attributes.lastModifiedTime().toMillis();
                if (known != null && known.size() == attributes.size() && known.modified() == modified) {
                    continue;
                }
                try {
                    entries.put(name, new Entry(name, attributes.size(), modified, RunSummary.of(readJournal.apply(file))));
                } catch (RuntimeException e) {
                    LOG.warn("Skipping {}: {}", file, e.getMessage());
                    entries.remove(name);
                }
                changed = true;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not list the runs in " + directory + ": " + e.getMessage(), e);
        }
        changed |= entries.keySet().retainAll(seen);
        if (changed) {
            store();
        }
        return entries.values().stream().map(Entry::summary).toList();
    }

    private Map<String, Entry> load() {
        Map<String, Entry> loaded = new HashMap<>();
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return loaded;
        }
        try {
            RunIndexFile.read(file, FORMAT).forEach(entry -> loaded.put(entry.file(), entry));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Rebuilding the runs index {}: {}", file, e.getMessage());
        }
        return loaded;
    }

    /** Written whole under another name, then moved into place: a reader sees the old index or the new one, never half. */
    private void store() {
        Path file = directory.resolve(FILE);
        Path next = directory.resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            List<Entry> runs = new ArrayList<>(entries.values());
            runs.sort(Comparator.comparing(Entry::file));
            RunIndexFile.write(next, FORMAT, runs);
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // A cache that could not be written only makes the next process read the journals again.
            LOG.warn("Could not write the runs index {}: {}", file, e.getMessage());
            try {
                Files.deleteIfExists(next);
            } catch (IOException ignored) {
                // Nothing more to do: the temporary file is named after this process and is replaced next time.
            }
        }
    }
}
