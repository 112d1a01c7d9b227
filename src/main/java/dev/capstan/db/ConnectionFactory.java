package dev.capstan.db;

import dev.capstan.domain.ChangeRefusedException;
import dev.capstan.domain.DatabaseSettings;
import dev.capstan.domain.Environment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens JDBC connections for an environment. The password comes from the environment variable the
 * workspace names; without one the PostgreSQL driver reads ~/.pgpass (or PGPASSFILE) itself.
 * Connections for reading are read-only sessions, so the server itself refuses a stray write; a
 * connection for changing is refused outright, before any connection is made, in a read-only environment.
 */
public final class ConnectionFactory {
    private final Map<String, String> environmentVariables;

    public ConnectionFactory(Map<String, String> environmentVariables) {
        this.environmentVariables = Map.copyOf(environmentVariables);
    }

    /** A connection whose session the server keeps read-only, even in auto-commit mode. */
    public Connection openForReading(DatabaseSettings settings) throws SQLException {
        Properties properties = properties(settings);
        properties.setProperty("readOnly", "true");
        properties.setProperty("readOnlyMode", "always");
        return DriverManager.getConnection(settings.url(), properties);
    }

    /** A connection that may write, for an environment that allows changes. */
    public Connection openForChange(Environment environment) throws SQLException {
        if (environment.readOnly()) {
            throw new ChangeRefusedException("Refused a database change in " + environment.name()
                    + ": the environment is marked readOnly in the workspace; nothing was sent.");
        }
        if (environment.database() == null) {
            throw new SQLException("environment " + environment.name() + " names no database; add a database: section to it in the workspace");
        }
        return DriverManager.getConnection(environment.database().url(), properties(environment.database()));
    }

    private Properties properties(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("ApplicationName", "capstan");
        if (settings.passwordEnv() != null) {
            String password = environmentVariables.get(settings.passwordEnv());
            if (password == null) {
                throw new SQLException("the environment variable " + settings.passwordEnv()
                        + " that the workspace names for the database password is not set; export it and try again");
            }
            properties.setProperty("password", password);
        }
        return properties;
    }
}
