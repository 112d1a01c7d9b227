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
import java.util.Collection;
import java.util.Optional;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder of run journals ({@code $XDG_STATE_HOME/capstan/runs}). Beside each running journal sits a
 * live marker that its process holds an OS file lock on; the OS drops that lock when the process dies,
 * however it dies, which is how a run without an end is told apart: still running, or interrupted.
 */
public final class RunStore {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String JOURNAL = ".jsonl";
    private static final String LIVE = ".live";
    private static final Comparator<RunSummary> NEWEST_FIRST = Comparator.comparing(RunSummary::startedAt).reversed();

    private final Path directory;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, FileLock> heldHere = new ConcurrentHashMap<>();
    private final RecentRecords records;
    private final RunIndex index;

    public RunStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.records = new RecentRecords(file -> new JournalReader(json).read(file, false));
        this.index = new RunIndex(directory, records::read);
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

    /** The whole run: its steps, their log lines, its history. Read again only when its journal has changed. */
    public RunRecord read(String runId) {
        Path file = journalFile(runId);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("There is no run " + runId + " in " + directory + ".");
        }
        return withLiveness(records.read(file));
    }

    /** Every run's summary, newest first, from the index: only journals that changed since it was last asked are read. */
    public List<RunSummary> summaries() {
        List<RunSummary> runs = new ArrayList<>(index.current().stream().map(this::withLiveness).toList());
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** The runs of this environment, newest first. */
    public List<RunSummary> summaries(String environment) {
        return summaries().stream().filter(run -> run.environment().equals(environment)).toList();
    }

    /** The newest run in the environment of any of these operation types. */
    public Optional<RunSummary> latest(String environment, Collection<String> operationTypes) {
        return index.current().stream()
                .filter(run -> run.environment().equals(environment) && operationTypes.contains(run.operationType()))
                .max(Comparator.comparing(RunSummary::startedAt))
                .map(this::withLiveness);
    }

    /** The latest run's whole record, read from its journal (once, while it does not change). */
    public Optional<RunRecord> latestRecord(String environment, Collection<String> operationTypes) {
        return latest(environment, operationTypes).map(run -> read(run.id()));
    }

    /** Failed or interrupted runs of this operation in this environment that nobody has resumed or abandoned, newest first. */
    public List<RunSummary> unfinished(String environment, String operationType) {
        return unfinished(environment, operationType, null);
    }

    /** As {@link #unfinished(String, String)}, of runs that guard the same service (or cluster) as {@code scope}; null for any. */
    public List<RunSummary> unfinished(String environment, String operationType, String scope) {
        return summaries(environment).stream()
                .filter(run -> run.operationType().equals(operationType))
                .filter(run -> run.outcome().unfinished())
                .filter(run -> run.guardsTheSameAs(scope))
                .toList();
    }

    /** A run with no end in its journal is running if some process holds its live marker, else it was interrupted. */
    private RunSummary withLiveness(RunSummary run) {
        return run.outcome() == RunOutcome.INTERRUPTED && isLive(run.id()) ? run.withOutcome(RunOutcome.RUNNING) : run;
    }

    private RunRecord withLiveness(RunRecord run) {
        return run.outcome() == RunOutcome.INTERRUPTED && isLive(run.id()) ? run.withOutcome(RunOutcome.RUNNING) : run;
    }

    private Path journalFile(String runId) {
        if (!runId.matches("[A-Za-z0-9TZ-]+")) {
            throw new IllegalArgumentException("'" + runId + "' is not a run id; run ids look like 20261123T141502Z-3fa1");
        }
        return directory.resolve(runId + JOURNAL);
    }
}
