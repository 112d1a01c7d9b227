package dev.capstan.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of run journals ({@code $XDG_STATE_HOME/capstan/runs}). Beside each running journal sits a
 * live marker that its process holds an OS file lock on; the OS drops that lock when the process dies,
 * however it dies, which is how a run without an end is told apart: still running, or interrupted.
 */
public final class RunStore {
    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String JOURNAL = ".jsonl";
    private static final String LIVE = ".live";

    private final Path directory;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, FileLock> heldHere = new ConcurrentHashMap<>();

    public RunStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    Clock clock() {
        return clock;
    }

    /** Sortable by time, unique enough to name a file: 20261123T141502Z-3fa1. */
    String newRunId() {
        byte[] suffix = new byte[2];
        random.nextBytes(suffix);
        return ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }

    Journal journal(String runId) {
        createDirectory();
        return Journal.open(journalFile(runId), json, clock);
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the runs folder " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Holds the run's live marker until the returned handle is closed (or the process dies). */
    AutoCloseable markLive(String runId) {
        createDirectory();
        Path marker = directory.resolve(runId + LIVE);
        try {
            FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Run " + runId + " is being run by another Capstan process right now.");
            }
            heldHere.put(runId, lock);
            return () -> {
                heldHere.remove(runId);
                lock.release();
                channel.close();
                Files.deleteIfExists(marker);
            };
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("Run " + runId + " is already running in this Capstan.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the live marker " + marker + ": " + e.getMessage(), e);
        }
    }

    public boolean isLive(String runId) {
        if (heldHere.containsKey(runId)) {
            return true;
        }
        Path marker = directory.resolve(runId + LIVE);
        if (!Files.exists(marker)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public RunRecord read(String runId) {
        Path file = journalFile(runId);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("There is no run " + runId + " in " + directory + "; capstan runs list shows the runs there.");
        }
        return new JournalReader(json).read(file, isLive(runId));
    }

    /** Every run, newest first. A file that is not a journal is logged and left out. */
    public List<RunRecord> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(JOURNAL)).toList()) {
                String id = file.getFileName().toString().replace(JOURNAL, "");
                try {
                    runs.add(new JournalReader(json).read(file, isLive(id)));
                } catch (RuntimeException e) {
                    LOG.warn("Skipping {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the runs in " + directory + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).reversed());
        return runs;
    }

    /** Failed or interrupted runs of this operation in this environment that nobody has resumed or abandoned. */
    public List<RunRecord> unfinished(String environment, String operationType) {
        return list().stream()
                .filter(run -> run.environment().equals(environment) && run.operationType().equals(operationType))
                .filter(run -> run.outcome().unfinished())
                .toList();
    }

    private Path journalFile(String runId) {
        if (!runId.matches("[A-Za-z0-9TZ-]+")) {
            throw new IllegalArgumentException("'" + runId + "' is not a run id; run ids look like 20261123T141502Z-3fa1");
        }
        return directory.resolve(runId + JOURNAL);
    }
}
