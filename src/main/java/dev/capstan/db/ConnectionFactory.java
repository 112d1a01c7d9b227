package dev.capstan.db;

import dev.capstan.domain.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens JDBC connections for an environment. The password comes from the environment variable the
 * workspace names; without one the PostgreSQL driver reads ~/.pgpass (or PGPASSFILE) itself.
 */
public final class ConnectionFactory {
    private final Map<String, String> environmentVariables;

    public ConnectionFactory(Map<String, String> environmentVariables) {
        this.environmentVariables = Map.copyOf(environmentVariables);
    }

    public Connection open(DatabaseSettings settings) throws SQLException {
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
        return DriverManager.getConnection(settings.url(), properties);
    }
}
