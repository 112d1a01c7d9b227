package dev.capstan.db;

import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link RegionConfigStore} over JDBC. Reads use read-only sessions; each change is one transaction. */
public final class JdbcRegionConfigStore implements RegionConfigStore {
    private static final String AUDIT_DDL = """
            create table if not exists capstan_audit (
                id bigserial primary key,
                at timestamptz not null default now(),
                who text not null,
                run_id text not null,
                table_name text not null,
                row_key text not null,
                field text not null,
                old_value text,
                new_value text
            )""";
    private static final String SELECT = "select id, region, s3_uri, version::text as version, updated_at from region_config";
    private final ConnectionFactory connections;

    public JdbcRegionConfigStore(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public List<RegionRow> rows(Environment environment) {
        try (Connection c = connections.openForReading(settings(environment));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SELECT + " order by region")) {
            List<RegionRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw failure(environment, "read region_config", e);
        }
    }

    @Override
    public RegionRow row(Environment environment, String region) {
        List<RegionRow> rows = rows(environment);
        return rows.stream().filter(r -> r.region().equals(region)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "region_config of " + environment.name() + " has no region " + region + "; it has "
                        + String.join(", ", rows.stream().map(RegionRow::region).toList()) + "."));
    }

    @Override
    public RegionRow setUri(Environment environment, RegionRow expected, String uri, Change change) {
        return inTransaction(environment, "set s3_uri of " + expected.region(), c -> {
            RegionRow now = lockRow(c, environment, expected);
            try (PreparedStatement update = c.prepareStatement("update region_config set s3_uri = ?, updated_at = now() where id = ?")) {
                update.setString(1, uri);
                update.setLong(2, now.id());
                update.executeUpdate();
            }
            audit(c, change, now.region(), "s3_uri", now.s3Uri(), uri);
            return reread(c, now.id());
        });
    }

    @Override
    public RegionRow bumpVersion(Environment environment, RegionRow expected, String explicit, Change change) {
        return inTransaction(environment, "bump the version of " + expected.region(), c -> {
            RegionRow now = lockRow(c, environment, expected);
            boolean numeric = numericVersion(c);
            String sql = numeric
                    ? "update region_config set version = " + (explicit == null ? "version + 1" : "?") + ", updated_at = now() where id = ?"
                    : "update region_config set version = " + (explicit == null ? "greatest(now(), version + interval '1 millisecond')" : "?")
                            + ", updated_at = now() where id = ?";
            try (PreparedStatement update = c.prepareStatement(sql)) {
                int at = 1;
                if (explicit != null) {
                    if (numeric) {
                        update.setBigDecimal(at++, number(explicit));
                    } else {
                        update.setTimestamp(at++, Timestamp.from(timestamp(explicit)));
                    }
                }
                update.setLong(at, now.id());
                update.executeUpdate();
            }
            RegionRow bumped = reread(c, now.id());
            audit(c, change, now.region(), "version", now.version(), bumped.version());
            return bumped;
        });
    }

    @Override
    public void checkVersion(Environment environment, String explicit) {
        try (Connection c = connections.openForReading(settings(environment))) {
            if (numericVersion(c)) {
                number(explicit);
            } else {
                timestamp(explicit);
            }
        } catch (SQLException e) {
            throw failure(environment, "read region_config's version column", e);
        }
    }

    @Override
    public Optional<String> auditedValue(Environment environment, String runId, String region, String field) {
        try (Connection c = connections.openForReading(settings(environment))) {
            if (!auditTableExists(c)) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("select new_value from capstan_audit where run_id = ? and table_name = 'region_config'"
                    + " and row_key = ? and field = ? order by id desc limit 1")) {
                s.setString(1, runId);
                s.setString(2, region);
                s.setString(3, field);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw failure(environment, "read capstan_audit", e);
        }
    }

    /** Locks the row and refuses, showing both, if it is no longer as the plan read it. */
    private static RegionRow lockRow(Connection c, Environment environment, RegionRow expected) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " where region = ? for update")) {
            s.setString(1, expected.region());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ConcurrentChangeException("Region " + expected.region() + " is no longer in region_config of " + environment.name()
                            + "; someone removed it since the plan was made. Nothing was changed.");
                }
                RegionRow now = row(rs);
                if (!now.s3Uri().equals(expected.s3Uri()) || !now.version().equals(expected.version())) {
                    throw new ConcurrentChangeException("Region " + expected.region() + " changed in " + environment.name()
                            + " since the plan read it: then s3_uri " + expected.s3Uri() + ", version " + expected.version()
                            + "; now s3_uri " + now.s3Uri() + ", version " + now.version() + ". Nothing was changed; plan again to start from the row as it is.");
                }
                return now;
            }
        }
    }

    private static RegionRow reread(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return row(rs);
            }
        }
    }

    private static void audit(Connection c, Change change, String region, String field, String oldValue, String newValue) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(AUDIT_DDL);
        }
        try (PreparedStatement insert = c.prepareStatement("insert into capstan_audit (who, run_id, table_name, row_key, field, old_value, new_value)"
                + " values (?, ?, 'region_config', ?, ?, ?, ?)")) {
            insert.setString(1, change.who());
            insert.setString(2, change.runId());
            insert.setString(3, region);
            insert.setString(4, field);
            insert.setString(5, oldValue);
            insert.setString(6, newValue);
            insert.executeUpdate();
        }
    }

    private static boolean auditTableExists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "capstan_audit", null)) {
            return rs.next();
        }
    }

    private static boolean numericVersion(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, "region_config", "version")) {
            if (!rs.next()) {
                throw new SQLException("region_config has no version column");
            }
            int type = rs.getInt("DATA_TYPE");
            return type == java.sql.Types.INTEGER || type == java.sql.Types.BIGINT || type == java.sql.Types.SMALLINT
                    || type == java.sql.Types.NUMERIC || type == java.sql.Types.DECIMAL;
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Version '" + text + "' is not a number; region_config.version holds numbers here, such as 8.");
        }
    }

    private static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("Version '" + text + "' is not a timestamp; region_config.version holds timestamps here: "
                        + "give one such as 2026-11-23T12:00:00Z, or leave it out to use the current time.");
            }
        }
    }

    private static RegionRow row(ResultSet rs) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new RegionRow(rs.getLong("id"), rs.getString("region"), rs.getString("s3_uri"), rs.getString("version"),
                updated == null ? null : updated.toInstant());
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Environment environment, String what, Work<T> work) {
        try (Connection c = connections.openForChange(environment)) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollBack(c, e);
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    // The COMMIT may have reached the server and been done before the line broke.
                    throw new IllegalStateException("Lost the connection to the database of " + environment.name() + " while committing ("
                            + what + "), so whether it committed is not known: resume the run, which looks for this run's audit row and "
                            + "makes the change only if it is missing.", e);
                }
                rollBack(c, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw failure(environment, what, e);
        }
    }

    /** Rolls back after a failure, keeping the failure as the one reported: on a broken connection the rollback fails too. */
    private static void rollBack(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static dev.capstan.domain.DatabaseSettings settings(Environment environment) {
        if (environment.database() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no database; add a database: section to it in the workspace.");
        }
        return environment.database();
    }

    private static RuntimeException failure(Environment environment, String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " in the database of " + environment.name() + ": " + e.getMessage()
                + (e.getSQLState() != null && e.getSQLState().startsWith("08")
                ? " Is the database reachable from here? Nothing was committed; resume the run once it is." : ""), e);
    }
}
