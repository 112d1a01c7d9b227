package dev.capstan.db;

import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import java.util.List;
import java.util.Optional;

/**
 * The {@code region_config} table of an environment's database. Every change is one transaction that
 * first checks the row is still as it was read (refusing, with both versions, when it is not) and writes
 * an audit row to {@code capstan_audit}, created if missing.
 */
public interface RegionConfigStore {
    List<RegionRow> rows(Environment environment);

    /** Fails with the regions there are when the region is not one of them. */
    RegionRow row(Environment environment, String region);

    /** Sets s3_uri; {@code expected} is the row as it was read when the change was planned. */
    RegionRow setUri(Environment environment, RegionRow expected, String uri, Change change);

    /**
     * Moves version on: to {@code explicit} when given (a number or a timestamp, as the column is), else
     * to the next number or to now (never earlier than the old version).
     */
    RegionRow bumpVersion(Environment environment, RegionRow expected, String explicit, Change change);

    /** Refuses a version the column could not hold: "abc" for a numeric column, "tomorrow" for a timestamp. */
    void checkVersion(Environment environment, String explicit);

    /** The audit row a run wrote for a region's field, if it wrote one: how a resumed run knows its edit is done. */
    Optional<String> auditedValue(Environment environment, String runId, String region, String field);

    /** Who makes a change, and in which run: the audit row's who and run_id. */
    record Change(String who, String runId) {
    }
}
