package dev.capstan.ops.history;

import dev.capstan.aws.HistoryTable;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.SharedRuns;
import dev.capstan.ops.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's history: every environment that names a {@code historyTable} shares its runs there. This machine's
 * journals are mirrored to it ({@link HistoryMirror}); the runs of other consoles are read from it, with whether
 * their console still beats; and a run another console left can be taken over and resumed here.
 */
public final class TeamHistory implements SharedRuns, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TeamHistory.class);

    private final RunStore store;
    private final HistoryTable table;
    private final Targets targets;
    private final Supplier<List<Environment>> environments;
    private final ConsoleIdentity console;
    private final Clock clock;
    private final HistoryTimings timings;
    private final ScheduledExecutorService thread;
    private final HistoryMirror mirror;
    private final SummaryJson summaries = new SummaryJson();
    private final MirrorMarks marks;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** The other consoles' runs read most lately, a few dozen at most: Activity shows the same one again every few seconds. */
    private final Map<String, Fetched> records = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fetched> eldest) {
            return size() > 64;
        }
    });

    /** Another console's run as last fetched whole, and how many journal lines it had then: fetched again only when it grew. */
    private record Fetched(int lines, RunRecord record) {
    }

    /** One environment's headers as last read, and when. */
    private record Listing(Instant readAt, List<HistoryTable.Header> headers) {
    }

    public TeamHistory(RunStore store, HistoryTable table, Targets targets, Supplier<List<Environment>> environments, String consoleName,
                       Clock clock, HistoryTimings timings) {
        this.store = store;
        this.table = table;
        this.targets = targets;
        this.environments = environments;
        this.console = ConsoleIdentity.in(store.directory(), consoleName);
        this.clock = clock;
        this.timings = timings;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "capstan-history-mirror");
            t.setDaemon(true);
            return t;
        });
        this.marks = new MirrorMarks(store.directory());
        this.mirror = new HistoryMirror(store, table, this::place, console, clock, timings, thread);
        mirror.start();
    }

    public ConsoleIdentity console() {
        return console;
    }

    /** Where the environment's runs are shared, if it names a history table. */
    Optional<HistoryPlace> place(String environmentName) {
        return environments.get().stream().filter(e -> e.name().equals(environmentName) && e.historyTable() != null).findFirst()
                .map(e -> {
                    AwsTarget target = targets.of(e);
                    return new HistoryPlace(e.name(), target, e.historyTable(), !target.readOnly());
                });
    }

    @Override
    public List<RunSummary> summaries(String environment) {
        List<RunSummary> runs = new ArrayList<>();
        for (HistoryTable.Header header : headers(environment, false)) {
            if (header.console().equals(console.id())) {
                continue;
            }
            try {
                RunSummary run = summaries.read(header.summaryJson());
                runs.add(withLiveness(run, header).onConsole(header.consoleName()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping run {} of the team's history: {}", header.runId(), e.getMessage());
            }
        }
        return runs;
    }

    /** A run without an end reads as running while its console beats, and as interrupted once it has been silent for a lease. */
    private RunSummary withLiveness(RunSummary run, HistoryTable.Header header) {
        return run.outcome() == RunOutcome.INTERRUPTED && beats(header) ? run.withOutcome(RunOutcome.RUNNING) : run;
    }

    /** Whether the console that runs it beat within a lease, by this machine's clock. */
    private boolean beats(HistoryTable.Header header) {
        return clock.instant().isBefore(header.heartbeat().plus(timings.lease()));
    }

    @Override
    public Optional<RunRecord> read(String runId) {
        Optional<HistoryTable.Header> found = elsewhere(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HistoryTable.Header header = found.get();
        Fetched fetched = records.get(runId);
        if (fetched == null || fetched.lines() != header.lines()) {
            HistoryPlace place = place(header.environment()).orElseThrow();
            fetched = new Fetched(header.lines(), store.fold(table.lines(place.target(), place.table(), header.environment(), runId, header.lines())));
            records.put(runId, fetched);
        }
        RunRecord record = fetched.record();
        return Optional.of(record.outcome() == RunOutcome.INTERRUPTED && beats(header) ? record.withOutcome(RunOutcome.RUNNING) : record);
    }

    /** The header of a run another console runs or ran last, if the team's record has one. */
    private Optional<HistoryTable.Header> elsewhere(String runId) {
        return headers(null, false).stream().filter(h -> h.runId().equals(runId) && !h.console().equals(console.id())).findFirst();
    }

    @Override
    public boolean adopt(String runId) {
        Optional<HistoryTable.Header> found = elsewhere(runId);
        if (found.isEmpty()) {
            return false;
        }
        HistoryPlace place = place(found.get().environment()).orElseThrow();
        // Asked again, not taken from a listing: the decision to take a run over is made on what the table says now.
        HistoryTable.Header header = table.header(place.target(), place.table(), place.environment(), runId).orElseThrow();
        if (header.console().equals(console.id())) {
            return false;
        }
        if (beats(header)) {
            throw new IllegalStateException("Run " + runId + " is running on " + header.consoleName() + " (its last heartbeat "
                    + Duration.between(header.heartbeat(), clock.instant()).toSeconds() + " s ago); it can be resumed here once that console has "
                    + "been silent for " + timings.lease().toSeconds() + " s.");
        }
        if (!place.writable()) {
            throw new IllegalStateException(place.environment() + " is read-only here, so a run of another console cannot be taken over from here.");
        }
        List<String> lines = table.lines(place.target(), place.table(), place.environment(), runId, header.lines());
        Path journal = store.journalPath(runId);
        Path next = journal.resolveSibling(runId + ".adopting");
        try {
            Files.createDirectories(journal.getParent());
            Files.writeString(next, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            if (!table.claim(place.target(), place.table(), header, console.id(), console.name(), clock.instant())) {
                Files.deleteIfExists(next);
                throw new IllegalStateException("Run " + runId + " was taken over by another console a moment ago; refresh to see where it is.");
            }
            try {
                Files.move(next, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, journal, StandardCopyOption.REPLACE_EXISTING);
            }
            marks.put(runId, new MirrorMarks.Mark(lines.size(), Files.size(journal), place.table()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the journal of run " + runId + " taken over from " + header.consoleName() + ": "
                    + e.getMessage(), e);
        }
        listings.remove(place.environment());
        LOG.info("Took run {} over from {}", runId, header.consoleName());
        return true;
    }

    @Override
    public void written(String runId) {
        mirror.written(runId);
    }

    /** The headers of one environment (or of every environment with a table: null), read again when older than the refresh. */
    private List<HistoryTable.Header> headers(String environment, boolean fresh) {
        List<HistoryTable.Header> headers = new ArrayList<>();
        for (Environment env : environments.get()) {
            if (env.historyTable() == null || (environment != null && !env.name().equals(environment))) {
                continue;
            }
            Listing listing = listings.get(env.name());
            if (fresh || listing == null || !clock.instant().isBefore(listing.readAt().plus(timings.refresh()))) {
                try {
                    HistoryPlace place = place(env.name()).orElseThrow();
                    listing = new Listing(clock.instant(), table.headers(place.target(), place.table(), env.name()));
                    listings.put(env.name(), listing);
                    problems.remove(env.name());
                } catch (RuntimeException e) {
                    problems.put(env.name(), e.getMessage());
                    LOG.warn("Could not read the team's history of {}: {}", env.name(), e.getMessage());
                }
            }
            if (listing != null) {
                headers.addAll(listing.headers());
            }
        }
        return headers;
    }

    /** How the environment's history is kept, in a sentence for Activity and {@code capstan history status}. */
    public HistoryStatus status(Environment environment) {
        if (environment.historyTable() == null) {
            return new HistoryStatus(environment.name(), null, false, List.of(), null);
        }
        headers(environment.name(), false);
        String listingProblem = problems.get(environment.name());
        // A table whose runs were just listed exists; only a listing that failed is asked why (Activity asks every 10 s).
        boolean exists = true;
        String problem = listingProblem != null ? listingProblem : mirror.problem().orElse(null);
        if (listingProblem != null) {
            try {
                exists = tableExists(environment);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
        }
        return new HistoryStatus(environment.name(), environment.historyTable(), exists, unsent(environment), problem);
    }

    private List<HistoryStatus.Waiting> unsent(Environment environment) {
        return mirror.unsent(environment.name()).stream().map(u -> new HistoryStatus.Waiting(u.runId(), u.title(), u.lines())).toList();
    }

    public boolean tableExists(Environment environment) {
        return environment.historyTable() != null && table.exists(targets.of(environment), environment.historyTable());
    }

    public void createTable(Environment environment) {
        if (environment.historyTable() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no historyTable; add one to its workspace entry first.");
        }
        table.create(targets.of(environment), environment.historyTable());
        listings.remove(environment.name());
    }

    /** Sends what is waiting, at most {@code within}; true if the team's record has everything this machine wrote. */
    public boolean drain(Duration within) {
        return mirror.drain(within);
    }

    /**
     * Sends what this process wrote, within a few seconds, then stops; what is left is sent by the next Capstan on this machine.
     * A process that wrote nothing (most CLI commands) does not wait for its look at what earlier ones left.
     */
    @Override
    public void close() {
        if (mirror.hasWork()) {
            mirror.drain(Duration.ofSeconds(5));
        }
        thread.shutdownNow();
        try {
            // A send under way (even of a mark for a run that shares nothing) ends before close returns: nothing is written after.
            thread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
