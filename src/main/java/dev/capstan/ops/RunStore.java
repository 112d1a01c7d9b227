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
import java.util.function.Function;

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
    private final SharedRuns shared;

    public RunStore(Path directory, Clock clock) {
        this(directory, clock, store -> SharedRuns.NONE);
    }

    /** @param team makes the team's record this store merges with its journals, given the store it mirrors */
    public RunStore(Path directory, Clock clock, Function<RunStore, SharedRuns> team) {
        this.directory = directory;
        this.clock = clock;
        this.records = new RecentRecords(file -> new JournalReader(json).read(file, false));
        this.index = new RunIndex(directory, records::read);
        this.shared = team.apply(this);
    }

    public Path directory() {
        return directory;
    }

    Clock clock() {
        return clock;
    }

    /** Sortable by time, unique enough to name a file among a whole team's runs: 20261123T141502Z-3fa1c2d9. */
    String newRunId() {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        return ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }

    Journal journal(String runId) {
        createDirectory();
        return Journal.open(journalFile(runId), json, clock, () -> shared.written(runId));
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

    /**
     * The whole run: its steps, their log lines, its history. Read again only when its journal has changed; a run another
     * console runs (or ran last) is read from the team's record.
     */
    public RunRecord read(String runId) {
        Path file = journalFile(runId);
        Optional<RunRecord> elsewhere = shared.read(runId);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("There is no run " + runId + " in " + directory + " nor in the team's history.");
        }
        return withLiveness(records.read(file));
    }

    /** Every run's summary, this machine's and the team's, newest first: only journals that changed since last asked are read. */
    public List<RunSummary> summaries() {
        return merged(index.current(), shared.summaries(null));
    }

    private List<RunSummary> merged(Collection<RunSummary> local, List<RunSummary> team) {
        Map<String, RunSummary> byId = new java.util.LinkedHashMap<>();
        local.forEach(run -> byId.put(run.id(), withLiveness(run)));
        // A run another console runs or ran last is the team's: its copy here (if it started here) stopped where that console took over.
        team.forEach(run -> byId.put(run.id(), run));
        List<RunSummary> runs = new ArrayList<>(byId.values());
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** The runs of this environment whose journals are on this machine, newest first, whatever the team's record says. */
    public List<RunSummary> localSummaries(String environment) {
        List<RunSummary> runs = new ArrayList<>(index.current().stream().filter(run -> run.environment().equals(environment)).map(this::withLiveness).toList());
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** The runs of this environment, newest first. */
    public List<RunSummary> summaries(String environment) {
        return merged(index.current().stream().filter(run -> run.environment().equals(environment)).toList(), shared.summaries(environment));
    }

    /** The newest run in the environment of any of these operation types. */
    public Optional<RunSummary> latest(String environment, Collection<String> operationTypes) {
        return summaries(environment).stream()
                .filter(run -> operationTypes.contains(run.operationType()))
                .max(Comparator.comparing(RunSummary::startedAt));
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

    /**
     * Makes a run another console left this machine's, so it can be resumed or abandoned here; false if it already is.
     *
     * @throws IllegalStateException if that console still runs it
     */
    boolean adopt(String runId) {
        journalFile(runId);
        return shared.adopt(runId);
    }

    /** The runs this process runs now. */
    public java.util.Set<String> runningHere() {
        return java.util.Set.copyOf(heldHere.keySet());
    }

    /** The journal's whole lines, in order: a last line a crash cut short is left out until it is ended. */
    public List<String> journalLines(String runId) {
        Path file = journalFile(runId);
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The run as these journal lines tell it, for a journal that is not in this folder (the team's record of it). */
    public RunRecord fold(List<String> lines) {
        return new JournalReader(json).fold(lines, null, false);
    }

    /** The run as its journal here tells it, liveness not asked: what the team's record is sent. */
    public RunRecord readJournal(String runId) {
        return records.read(journalFile(runId));
    }

    /** The ids of the runs whose journals are in this folder. */
    public List<String> journalIds() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(JOURNAL))
                    .map(n -> n.substring(0, n.length() - JOURNAL.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the runs in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Where the run's journal is (or would be) in this folder. */
    public Path journalPath(String runId) {
        return journalFile(runId);
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
