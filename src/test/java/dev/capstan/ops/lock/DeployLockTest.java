package dev.capstan.ops.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.DynamoLockTable;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.domain.LockRecord;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deploy lock against moto's DynamoDB, with a lease of 1.2 s and heartbeats every 200 ms. */
@ExtendWith(MotoExtension.class)
class DeployLockTest {
    private static final Duration LEASE = Duration.ofMillis(1200);
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
    private final List<String> notes = new ArrayList<>();
    private DynamoLockTable table;
    private DeployLock lock;
    private LockSpot spot;

    @BeforeEach
    void setUp(MotoWorld moto) {
        new EstateSeeder(moto.clients(), moto.target()).lockTable("team-locks");
        table = new DynamoLockTable(moto.clients());
        lock = new DeployLock(table, heartbeats, Clock.systemUTC(), LEASE, Duration.ofMillis(200));
        spot = new LockSpot(moto.target(), "team-locks", "billing-api@qa");
    }

    @AfterEach
    void tearDown() {
        heartbeats.shutdownNow();
    }

    private LockLease acquire(String runId) {
        return lock.acquire(spot, "person-" + runId + "@host", runId, "deploy " + runId, this::sleep, notes::add);
    }

    /** A lock as a process leaves it when it dies: written once, never renewed. */
    private LockRecord leftByADeadProcess(String runId) {
        java.time.Instant then = java.time.Instant.now();
        LockRecord dead = new LockRecord(spot.key(), "person-" + runId + "@host", runId, "deploy " + runId, then, then, "v-" + runId,
                LEASE.toMillis());
        assertThat(table.putIfAbsent(spot.target(), spot.table(), dead)).isTrue();
        return dead;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        long started = System.nanoTime();

        LockLease next = acquire("run-next");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LEASE);
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
        assertThat(table.replaceIf(spot.target(), spot.table(), usurper, seen.version())
                || table.replaceIf(spot.target(), spot.table(), usurper, lock.status(spot).orElseThrow().version())).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!holder.lost() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(holder.lost()).isTrue();
        assertThat(lost).singleElement().asString().contains("taken over or released by someone else");
        assertThat(holder.release()).isFalse();
        assertThat(lock.status(spot)).map(LockRecord::runId).contains("run-other");
    }

    @Test
    void theSameRunTakesItsOwnLockBackAtOnce() {
        LockRecord before = leftByADeadProcess("run-resumed");
        long started = System.nanoTime();

        LockLease again = acquire("run-resumed");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LEASE);
        assertThat(again.record().acquiredAt()).isEqualTo(before.acquiredAt());
        again.release();
        assertThat(lock.status(spot)).isEmpty();
    }

    @Test
    void aMissingTableIsExplained(MotoWorld moto) {
        LockSpot nowhere = new LockSpot(moto.target(), "no-such-table", "x@y");
        assertThatThrownBy(() -> lock.acquire(nowhere, "me", "run", "op", this::sleep, notes::add))
                .hasMessageContaining("The lock table no-such-table does not exist");
        lock.createTable(nowhere);
        assertThat(lock.tableExists(nowhere)).isTrue();
        lock.acquire(nowhere, "me", "run", "op", this::sleep, notes::add).release();
    }
}
