package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LockRecord;
import java.util.Optional;

/**
 * The table that holds deploy locks: one item per lock, keyed by {@code lockKey}. Every write is
 * conditional, so two processes can never both believe they hold the same lock.
 */
public interface LockTable {
    String KEY_ATTRIBUTE = "lockKey";

    boolean exists(AwsTarget target, String table);

    /** Creates the table (on-demand billing) and waits until it can be used. */
    void create(AwsTarget target, String table);

    Optional<LockRecord> read(AwsTarget target, String table, String key);

    /** Writes the lock if no lock of that key exists; false if one does. */
    boolean putIfAbsent(AwsTarget target, String table, LockRecord lock);

    /** Replaces the lock if its stored version is still {@code expectedVersion}; false if it changed or vanished. */
    boolean replaceIf(AwsTarget target, String table, LockRecord next, String expectedVersion);

    /** Deletes the lock if its stored version is still {@code expectedVersion}; false if it changed or vanished. */
    boolean deleteIf(AwsTarget target, String table, String key, String expectedVersion);
}
