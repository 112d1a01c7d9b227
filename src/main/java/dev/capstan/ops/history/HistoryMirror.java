package dev.capstan.ops.history;

import dev.capstan.aws.HistoryTable;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this machine's journals to the team's table, on a thread of its own: a run never waits for it and never
 * fails because of it. What the table has not taken stays marked as unsent ({@link MirrorMarks}) and is sent
 * later, from where it stopped, in order: chunks are keyed by the line they start at, so sending one again
 * replaces it and a record is never held twice. While a run goes on here its header carries this console's
 * heartbeat.
 */
final class HistoryMirror {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryMirror.class);
    /** Well below DynamoDB's 400 KB item limit. */
    private static final int CHUNK_BYTES = 300_000;

    private final RunStore store;
    private final HistoryTable table;
    private final Function<String, Optional<HistoryPlace>> places;
    private final ConsoleIdentity console;
    private final Clock clock;
    private final HistoryTimings timings;
    private final ScheduledExecutorService thread;
    private final MirrorMarks marks;
    private final SummaryJson summaries = new SummaryJson();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Runs another console took over: nothing more of them is sent from here. */
    private final Set<String> handedOver = ConcurrentHashMap.newKeySet();
    /** The environment of each run the mirror has looked at: a journal's first record, which never changes. */
    private final java.util.Map<String, String> environments = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile int failures;
    private volatile String problem;

    HistoryMirror(RunStore store, HistoryTable table, Function<String, Optional<HistoryPlace>> places, ConsoleIdentity console, Clock clock,
                  HistoryTimings timings, ScheduledExecutorService thread) {
        this.store = store;
        this.table = table;
        this.places = places;
        this.console = console;
        this.clock = clock;
        this.timings = timings;
        this.thread = thread;
        this.marks = new MirrorMarks(store.directory());
    }

    /** Looks for what earlier processes could not send, then beats for the runs of this one. */
    void start() {
        thread.execute(this::findUnsent);
        long beat = timings.heartbeat().toMillis();
        thread.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    void written(String runId) {
        pending.add(runId);
        sendAfter(timings.settle());
    }

    /** Why the last send failed, while the mirror is retrying; empty when it is keeping up. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Sends what is waiting now and waits for it, at most {@code within}; true if nothing is left waiting. */
    boolean drain(Duration within) {
        try {
            thread.submit(this::sendPending).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // What was not sent stays marked; the next Capstan on this machine sends it.
        }
        return pending.isEmpty();
    }

    /** Whether anything waits to be sent now (a look for what earlier processes left may still be under way). */
    boolean hasWork() {
        return !pending.isEmpty() || scheduled.get();
    }

    /** How many journal lines of the environment's runs the table has not taken yet, by run. */
    List<Unsent> unsent(String environment) {
        List<Unsent> waiting = new ArrayList<>();
        Optional<HistoryPlace> place = places.apply(environment);
        if (place.isEmpty() || !place.get().writable()) {
            return waiting;
        }
        for (RunSummary run : store.localSummaries(environment)) {
            MirrorMarks.Mark mark = marks.of(run.id());
            long bytes = size(store.journalPath(run.id()));
            if (mark.table().equals(place.get().table()) && mark.bytes() == bytes) {
                continue;
            }
            int lines = store.journalLines(run.id()).size();
            int sent = mark.table().equals(place.get().table()) ? mark.lines() : 0;
            if (lines > sent) {
                waiting.add(new Unsent(run.id(), run.title(), lines - sent));
            }
        }
        return waiting;
    }

    /** One run with records the team's table has not taken. */
    record Unsent(String runId, String title, int lines) {
    }

    private void sendAfter(Duration pause) {
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::sendPending, pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                scheduled.set(false);
            }
        }
    }

    private void beat() {
        pending.addAll(store.runningHere());
        sendPending();
    }

    private void findUnsent() {
        try {
            for (String runId : store.journalIds()) {
                if (marks.of(runId).bytes() != size(store.journalPath(runId))) {
                    pending.add(runId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look for runs to mirror: {}", e.getMessage());
        }
        sendPending();
    }

    private void sendPending() {
        scheduled.set(false);
        for (String runId : List.copyOf(pending)) {
            // Taken off before it is sent: a record written meanwhile puts it back, and is sent next time.
            pending.remove(runId);
            try {
                send(runId);
            } catch (RuntimeException e) {
                pending.add(runId);
                failures++;
                problem = e.getMessage();
                Duration pause = backoff();
                LOG.warn("Could not mirror run {} to the team's history (retrying in {} ms): {}", runId, pause.toMillis(), e.getMessage());
                sendAfter(pause);
                return;
            }
        }
        failures = 0;
        problem = null;
    }

    private Duration backoff() {
        Duration pause = timings.settle().multipliedBy(1L << Math.min(failures, 16));
        return pause.compareTo(timings.longestRetryPause()) > 0 ? timings.longestRetryPause() : pause;
    }

    private void send(String runId) {
        Path journal = store.journalPath(runId);
        if (!Files.exists(journal)) {
            return;
        }
        long bytes = size(journal);
        MirrorMarks.Mark mark = marks.of(runId);
        String environment;
        try {
            environment = environments.computeIfAbsent(runId, id -> store.readJournal(id).environment());
        } catch (IllegalArgumentException notYet) {
            // A journal just opened, its run record not written yet: writing that record brings the run back here.
            return;
        }
        Optional<HistoryPlace> found = places.apply(environment);
        if (found.isEmpty() || !found.get().writable()) {
            // A run of an environment that shares nothing costs the mirror one reading of its journal, the first time.
            marks.put(runId, new MirrorMarks.Mark(mark.lines(), bytes, "-"));
            return;
        }
        RunRecord record = store.readJournal(runId);
        HistoryPlace place = found.get();
        if (handedOver.contains(runId) || ownedElsewhere(place, record.environment(), runId)) {
            // Another console goes on with it: what this console wrote since stays here, and is not waiting to be sent.
            handedOver.add(runId);
            marks.put(runId, new MirrorMarks.Mark(store.journalLines(runId).size(), bytes, place.table()));
            return;
        }
        List<String> lines = store.journalLines(runId);
        int from = mark.table().equals(place.table()) ? mark.lines() : 0;
        if (lines.size() > from) {
            sendChunks(place, runId, lines, from);
        }
        boolean live = store.runningHere().contains(runId);
        // A run that no process here runs carries the time its journal last moved, so no reader takes it for alive.
        Instant heartbeat = live ? clock.instant() : modified(journal);
        HistoryTable.Header header = new HistoryTable.Header(record.environment(), runId, summaries.write(RunSummary.of(record)),
                console.id(), console.name(), heartbeat, lines.size());
        if (!table.putHeader(place.target(), place.table(), header)) {
            handedOver.add(runId);
            LOG.warn("Run {} is run by another console now; this console's later records of it stay on this machine.", runId);
        }
        marks.put(runId, new MirrorMarks.Mark(lines.size(), bytes, place.table()));
    }

    /**
     * Whether another console took the run over (a console that slept through its lease and woke): its chunks must not be
     * replaced by this console's, so it is asked before any are sent.
     */
    private boolean ownedElsewhere(HistoryPlace place, String environment, String runId) {
        return table.header(place.target(), place.table(), environment, runId).map(h -> !h.console().equals(console.id())).orElse(false);
    }

    private void sendChunks(HistoryPlace place, String runId, List<String> lines, int from) {
        int start = from;
        int size = 0;
        List<String> chunk = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            int length = lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!chunk.isEmpty() && size + length > CHUNK_BYTES) {
                table.putChunk(place.target(), place.table(), place.environment(), runId, start, chunk);
                start = i;
                size = 0;
                chunk = new ArrayList<>();
            }
            chunk.add(lines.get(i));
            size += length;
        }
        table.putChunk(place.target(), place.table(), place.environment(), runId, start, chunk);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
