package dev.capstan.ops.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.DynamoLockTable;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.domain.LockRecord;
import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deploy lock against moto's DynamoDB. Time is a manual clock that only the watchers' sleeps move, and
 * heartbeats are beaten by the test (the scheduler's period is far longer than any test), so whether a
 * lease passed never depends on how busy the machine is.
 */
@ExtendWith(MotoExtension.class)
class DeployLockTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T03:00:00Z"));
    /** Leases held in this test: while they are, their heartbeats flow whenever a watcher's time passes. */
    private final List<LockLease> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DynamoLockTable table;
    private DeployLock lock;
    private LockSpot spot;

    @BeforeEach
    void setUp(MotoWorld moto) {
        new EstateSeeder(moto.clients(), moto.target()).lockTable("team-locks");
        table = new DynamoLockTable(moto.clients());
        lock = new DeployLock(table, heartbeats, clock, LEASE, HEARTBEAT);
        spot = new LockSpot(moto.target(), "team-locks", "billing-api@qa");
    }

    @AfterEach
    void tearDown() {
        heartbeats.shutdownNow();
    }

    /** Acquires as a console whose holders are alive: each pause of its watch waits for a held lease and lets it beat. */
    private LockLease acquire(String runId) {
        return held(lock.acquire(spot, "person-" + runId + "@host", runId, "deploy " + runId, this::heartbeatsFlow, notes::add));
    }

    /** Acquires where nobody beats: time passes and nothing else happens. */
    private LockLease acquireQuietly(String runId) {
        return held(lock.acquire(spot, "person-" + runId + "@host", runId, "deploy " + runId, clock::advance, notes::add));
    }

    private LockLease held(LockLease lease) {
        held.add(lease);
        return lease;
    }

    /** A watcher's pause while the holder lives: the time passes and every held lease beats once (the first holder may still be on its way). */
    private void heartbeatsFlow(Duration pause) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (held.isEmpty()) {
            assertThat(System.nanoTime()).as("a holder appeared").isLessThan(deadline);
            Thread.onSpinWait();
        }
        clock.advance(pause);
        held.forEach(LockLease::beat);
    }

    /** A lock as a process leaves it when it dies: written once, never renewed. */
    private LockRecord leftByADeadProcess(String runId) {
        Instant then = clock.instant();
        LockRecord dead = new LockRecord(spot.key(), "person-" + runId + "@host", runId, "deploy " + runId, then, then, "v-" + runId,
                LEASE.toMillis());
        assertThat(table.putIfAbsent(spot.target(), spot.table(), dead)).isTrue();
        return dead;
    }

    @Test
    void ofTwoContendersExactlyOneAcquires() throws Exception {
        ExecutorService contenders = Executors.newFixedThreadPool(2);
        try {
            List<Future<LockLease>> results = contenders.invokeAll(List.<Callable<LockLease>>of(() -> acquire("run-1"), () -> acquire("run-2")));
            int acquired = 0;
            int busy = 0;
            LockLease winner = null;
            for (Future<LockLease> result : results) {
                try {
                    winner = result.get();
                    acquired++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(LockBusyException.class);
                    busy++;
                }
            }
            assertThat(acquired).isEqualTo(1);
            assertThat(busy).isEqualTo(1);
            assertThat(lock.status(spot)).map(LockRecord::runId).contains(winner.record().runId());
            winner.release();
        } finally {
            contenders.shutdownNow();
        }
    }

    @Test
    void noTakeoverWhileHeartbeatsFlowAndTheBusyMessageNamesTheHolder() {
        LockLease holder = acquire("run-alive");
        String firstVersion = holder.record().version();

        assertThatThrownBy(() -> acquire("run-eager"))
                .isInstanceOf(LockBusyException.class)
                .hasMessageContaining("person-run-alive@host").hasMessageContaining("run-alive").hasMessageContaining("deploy run-alive");
        assertThat(holder.record().version()).isNotEqualTo(firstVersion);
        assertThat(holder.lost()).isFalse();
        assertThat(lock.status(spot)).map(LockRecord::runId).contains("run-alive");
        assertThat(holder.release()).isTrue();
        assertThat(lock.status(spot)).isEmpty();
    }

    @Test
    void aLockWhoseHeartbeatsStoppedIsTakenOverOnlyAfterAWholeLease() {
        leftByADeadProcess("run-dead");
        Instant started = clock.instant();

        LockLease next = acquireQuietly("run-next");

        assertThat(Duration.between(started, clock.instant())).isGreaterThanOrEqualTo(LEASE).isLessThan(LEASE.plus(HEARTBEAT));
        assertThat(next.tookOver()).isTrue();
        assertThat(notes).anyMatch(n -> n.contains("held by person-run-dead@host")).anyMatch(n -> n.contains("took the lock over"));
        assertThat(lock.status(spot)).map(LockRecord::runId).contains("run-next");
        next.release();
        assertThat(lock.status(spot)).isEmpty();
    }

    @Test
    void aHolderWhoseLockWasTakenFromItLearnsItLostItAndDoesNotDeleteTheNewOne() throws Exception {
        LockLease holder = acquire("run-slow");
        List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
        holder.onLost(lost::add);
        LockRecord seen = lock.status(spot).orElseThrow();
        LockRecord usurper = new LockRecord(spot.key(), "other@host", "run-other", "deploy", seen.acquiredAt(), seen.heartbeatAt(), "v-other",
                LEASE.toMillis());
        assertThat(table.replaceIf(spot.target(), spot.table(), usurper, seen.version())).isTrue();
        assertThat(holder.lost()).as("nothing is known until the next heartbeat").isFalse();

        holder.beat();

        assertThat(holder.lost()).isTrue();
        assertThat(lost).singleElement().asString().contains("taken over or released by someone else");
        assertThat(holder.release()).isFalse();
        assertThat(lock.status(spot)).map(LockRecord::runId).contains("run-other");
    }

    @Test
    void theSameRunTakesItsOwnLockBackAtOnce() {
        LockRecord before = leftByADeadProcess("run-resumed");
        Instant started = clock.instant();

        LockLease again = acquireQuietly("run-resumed");

        assertThat(clock.instant()).as("no lease watched").isEqualTo(started);
        assertThat(notes).isEmpty();
        assertThat(again.record().acquiredAt()).isEqualTo(before.acquiredAt());
        again.release();
        assertThat(lock.status(spot)).isEmpty();
    }

    @Test
    void aMissingTableIsExplained(MotoWorld moto) {
        LockSpot nowhere = new LockSpot(moto.target(), "no-such-table", "x@y");
        assertThatThrownBy(() -> lock.acquire(nowhere, "me", "run", "op", clock::advance, notes::add))
                .hasMessageContaining("The lock table no-such-table does not exist");
        lock.createTable(nowhere);
        assertThat(lock.tableExists(nowhere)).isTrue();
        lock.acquire(nowhere, "me", "run", "op", clock::advance, notes::add).release();
    }
}
