package dev.capstan.ops.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.DatabaseSettings;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.DatabaseLine;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection to PostgreSQL lost in the middle of a region edit, on a line the test cuts: before the server saw the
 * COMMIT (the transaction never committed: the resumed run makes the edit, once), or after the server answered it (it
 * committed, though the console never heard: the resumed run finds its audit row and changes nothing). Either way the
 * row ends edited once, with one audit row.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RegionEditConnectionLossTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private DatabaseLine line;
    private Environment environment;
    private Environment direct;

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        engine = new EngineWorld(moto, dir.resolve("runs"));
        direct = TestEstate.environment(moto, database, "dbcut");
        URI url = URI.create(direct.database().url().substring("jdbc:".length()));
        line = new DatabaseLine(url.getPort());
        String throughTheLine = direct.database().url().replace(":" + url.getPort() + "/", ":" + line.port() + "/");
        environment = TestEstate.withDatabase(direct, new DatabaseSettings(throughTheLine, direct.database().user(), null));
    }

    @AfterEach
    void tearDown() throws Exception {
        engine.close();
        line.close();
    }

    @Test
    void anEditWhoseCommitNeverReachedTheServerIsMadeOnceByItsResume() throws Exception {
        String before = row("OH");
        String other = row("NC");
        Operation edit = engine.regionData.setUri(environment, "OH", other);
        var plan = engine.runner.plan(edit);
        line.cutBefore("COMMIT");

        RunRecord failed = engine.runner.start(edit, plan, Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).contains("resume the run");
        assertThat(row("OH")).as("the server rolled the open transaction back").isEqualTo(before);
        assertThat(audits(failed.id())).isEmpty();

        RunRecord resumed = engine.runner.resume(failed.id(), environment, Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(row("OH")).isEqualTo(other);
        assertThat(audits(failed.id())).containsExactly("s3_uri: " + before + " → " + other);
    }

    @Test
    void anEditThatCommittedThoughItsAnswerWasLostIsFoundByItsResumeAndNotMadeAgain() throws Exception {
        String before = row("OH");
        String other = row("NC");
        Operation edit = engine.regionData.setUri(environment, "OH", other);
        var plan = engine.runner.plan(edit);
        line.loseAnswerTo("COMMIT");

        RunRecord failed = engine.runner.start(edit, plan, Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).contains("whether it committed is not known");
        assertThat(row("OH")).as("the server committed").isEqualTo(other);

        RunRecord resumed = engine.runner.resume(failed.id(), environment, Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(resumed.steps()).filteredOn(s -> s.planned().id().equals("set-uri")).singleElement()
                .satisfies(s -> assertThat(s.summary()).startsWith("This run already set s3_uri of OH to " + other));
        assertThat(audits(failed.id())).containsExactly("s3_uri: " + before + " → " + other);
    }

    /** Straight to the server, not through the line. */
    private Connection database() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", direct.database().user());
        return DriverManager.getConnection(direct.database().url(), p);
    }

    private String row(String region) throws Exception {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("select s3_uri from region_config where region = ?")) {
            s.setString(1, region);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private List<String> audits(String runId) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = database()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "capstan_audit", null)) {
                if (!tables.next()) {
                    return found;
                }
            }
            try (PreparedStatement s = c.prepareStatement("select field, old_value, new_value from capstan_audit where run_id = ? order by id")) {
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3));
                    }
                }
            }
        }
        return found;
    }
}
