package dev.capstan.db;

import dev.capstan.domain.CheckResult;
import dev.capstan.domain.DatabaseSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public final class JdbcDatabaseProbe implements DatabaseProbe {
    private final ConnectionFactory connections;

    public JdbcDatabaseProbe(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public CheckResult check(DatabaseSettings settings) {
        String value = settings.user() + " @ " + settings.url();
        try (Connection connection = connections.openForReading(settings);
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            try (ResultSet rows = statement.executeQuery("select count(*) from region_config")) {
                rows.next();
                return CheckResult.ok("database", value, "reachable; region_config has " + rows.getLong(1) + " rows");
            }
        } catch (SQLException e) {
            return CheckResult.failed("database", value, explain(e));
        }
    }

    private static String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "08001", "08004", "08006" -> "cannot connect: " + e.getMessage() + "; is the database up and reachable (VPN, bastion)?";
            case "28P01", "28000" -> "the database refused the login: " + e.getMessage() + "; check the user and the password variable or ~/.pgpass";
            case "42P01" -> "connected, but there is no region_config table in this database; check the database name in the URL";
            default -> e.getMessage();
        };
    }
}
