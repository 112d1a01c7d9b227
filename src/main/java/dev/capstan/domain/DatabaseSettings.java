package dev.capstan.domain;

/**
 * How to reach an environment's PostgreSQL database. The password never lives in the workspace:
 * it comes from the environment variable {@code passwordEnv} names, or from ~/.pgpass.
 */
public record DatabaseSettings(String url, String user, String passwordEnv) {
    public DatabaseSettings {
        url = Require.text(url, "url", "give a JDBC URL such as jdbc:postgresql://host:5432/dbname");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("url: '" + url + "' is not a PostgreSQL JDBC URL; write jdbc:postgresql://host:5432/dbname");
        }
        user = Require.text(user, "user", "name the database user");
        passwordEnv = Require.optionalText(passwordEnv);
    }
}
