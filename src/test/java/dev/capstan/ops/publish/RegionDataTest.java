package dev.capstan.ops.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.DatabaseSettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Plan;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Region data publishing against moto and an embedded PostgreSQL: backups, copy-over, restore and the region_config edits. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RegionDataTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment environment;
    private MotoWorld moto;

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        this.moto = moto;
        environment = TestEstate.environment(moto, database, "publisher");
        engine = new EngineWorld(moto, dir.resolve("runs"));
        moto.faults().clear();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private RunRecord run(Operation operation) throws Exception {
        return engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(120, TimeUnit.SECONDS);
    }

    private String uriOf(String region) {
        return engine.regionData.overview(environment).stream().filter(o -> o.row().region().equals(region)).findFirst().orElseThrow().row().s3Uri();
    }

    private List<S3ObjectInfo> objects(String uri) {
        return engine.s3.list(moto.target(), S3Uri.parse(uri)).objects();
    }

    private String body(String uri, String key) {
        S3Uri at = S3Uri.parse(uri);
        return moto.clients().s3(moto.target()).getObjectAsBytes(r -> r.bucket(at.bucket()).key(at.key(key))).asUtf8String();
    }

    private void put(String uri, String key, String body) {
        S3Uri at = S3Uri.parse(uri);
        moto.clients().s3(moto.target()).putObject(r -> r.bucket(at.bucket()).key(at.key(key)), RequestBody.fromString(body));
    }

    private Connection database() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", environment.database().user());
        return DriverManager.getConnection(environment.database().url(), p);
    }

    /** New data for a region beside its current data: one object changed, one added, one left out. */
    private String newData(String current) {
        String next = S3Uri.parse(current).withSuffix("-next").toString();
        List<S3ObjectInfo> old = objects(current);
        for (int i = 0; i < old.size() - 1; i++) {
            put(next, old.get(i).key(), i == 0 ? "{\"changed\":true}" : body(current, old.get(i).key()));
        }
        put(next, "extra/new-file.json", "{\"new\":true}");
        return next;
    }

    @Test
    void aBackupIsVerifiedAndASecondOneTheSameDayGetsItsOwnName() throws Exception {
        String uri = uriOf("OH");

        RunRecord first = run(engine.regionData.backup(environment, uri));
        RunRecord second = run(engine.regionData.backup(environment, uri));

        assertThat(first.outcome()).as(first.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(second.outcome()).as(second.error()).isEqualTo(RunOutcome.SUCCEEDED);
        String firstBackup = first.parameters().get("backup");
        String secondBackup = second.parameters().get("backup");
        assertThat(firstBackup).matches(java.util.regex.Pattern.quote(uri) + "-backup-\\d{4}-\\d{2}-\\d{2}");
        assertThat(secondBackup).isEqualTo(firstBackup + "-2");
        assertThat(objects(firstBackup)).usingElementComparator((a, b) -> a.sameAs(b) ? 0 : 1).hasSameElementsAs(objects(uri));
        assertThat(first.steps().get(1).summary()).startsWith("Verified " + objects(uri).size() + " objects");
        assertThat(engine.regionData.overview(environment).stream().filter(o -> o.row().region().equals("OH")).findFirst().orElseThrow().backups())
                .containsExactly(firstBackup, secondBackup);
    }

    @Test
    void planningAPublishListsEveryCopyAndEditAndChangesNothing() throws Exception {
        String uri = uriOf("OH");
        String next = newData(uri);
        moto.faults().clear();

        Plan plan = engine.runner.plan(engine.regionData.publish(environment, "OH", next, false));

        assertThat(plan.steps()).extracting(s -> s.id()).containsExactly("backup-copy", "backup-verify", "copy-over", "verify-copy", "bump-version");
        assertThat(plan.step("backup-copy").details()).hasSize(objects(uri).size());
        String changed = objects(uri).get(0).key();
        assertThat(plan.step("copy-over").details()).as("the changed object and the new one; the unchanged one is already there")
                .hasSize(2).anyMatch(line -> line.startsWith("extra/new-file.json")).anyMatch(line -> line.startsWith(changed + "  ("));
        assertThat(plan.step("copy-over").sentence()).contains("1 already there are skipped");
        assertThat(plan.step("bump-version").before()).isEqualTo(engine.regionData.overview(environment).get(1).row().version());
        assertThat(moto.faults().sentOperations().keySet()).noneMatch(op -> op.startsWith("Copy") || op.startsWith("Put") || op.startsWith("Delete")
                || op.startsWith("Create") || op.startsWith("Upload"));
        try (Connection c = database(); ResultSet rs = c.getMetaData().getTables(null, null, "capstan_audit", null)) {
            assertThat(rs.next()).as("no audit table: nothing was written").isFalse();
        }
        assertThat(engine.runner.store().summaries()).isEmpty();
    }

    @Test
    void aPublishBacksUpCopiesOverAndBumpsTheVersionWithAnAuditRowAndARestoreBringsTheOldBytesBack() throws Exception {
        String uri = uriOf("OH");
        String next = newData(uri);
        Map<String, String> before = bodies(uri);
        RegionRow row = engine.regionData.overview(environment).stream().filter(o -> o.row().region().equals("OH")).findFirst().orElseThrow().row();

        RunRecord published = run(engine.regionData.publish(environment, "OH", next, false));

        assertThat(published.outcome()).as(published.error()).isEqualTo(RunOutcome.SUCCEEDED);
        String backup = published.parameters().get("backup");
        assertThat(bodies(backup)).isEqualTo(before);
        Map<String, String> after = bodies(uri);
        assertThat(after).containsAllEntriesOf(bodies(next)).containsKey(before.keySet().stream().filter(k -> !bodies(next).containsKey(k))
                .findFirst().orElseThrow());
        RegionRow bumped = engine.regionData.overview(environment).stream().filter(o -> o.row().region().equals("OH")).findFirst().orElseThrow().row();
        assertThat(bumped.version()).isNotEqualTo(row.version());
        assertThat(bumped.s3Uri()).isEqualTo(uri);
        try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(
                "select who, run_id, row_key, field, old_value, new_value from capstan_audit order by id")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                    .containsExactly("tester@test-host", published.id(), "OH", "version", row.version(), bumped.version());
            assertThat(rs.next()).isFalse();
        }

        RunRecord restored = run(engine.regionData.restore(environment, backup, uri, true));

        assertThat(restored.outcome()).as(restored.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(bodies(uri)).isEqualTo(before);
        assertThat(restored.steps()).extracting(s -> s.planned().id()).containsExactly("restore-copy", "remove-extra", "verify-restore");
    }

    @Test
    void aCopyOverIsRefusedWithoutABackupOfTheDestinationAsItIsNow() throws Exception {
        String uri = uriOf("OH");
        String next = newData(uri);
        String notABackup = uriOf("NC");
        moto.faults().clear();

        assertThatThrownBy(() -> engine.runner.plan(engine.regionData.copyOver(environment, next, uri, notABackup, false)))
                .hasMessageContaining(notABackup + " is not a backup of " + uri + " as it is now");
        assertThat(moto.faults().sent("CopyObject")).isZero();

        RunRecord backedUp = run(engine.regionData.backup(environment, uri));
        RunRecord copied = run(engine.regionData.copyOver(environment, next, uri, backedUp.parameters().get("backup"), true));
        assertThat(copied.outcome()).as(copied.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(copied.steps()).extracting(s -> s.planned().id()).containsExactly("check-backup", "copy-over", "remove-extra", "verify-copy");
        assertThat(bodies(uri)).isEqualTo(bodies(next));
    }

    @Test
    void aRowChangedSinceThePlanIsNotOverwrittenAndBothVersionsAreShown() throws Exception {
        String other = uriOf("NC");
        Operation setUri = engine.regionData.setUri(environment, "OH", other);
        Plan plan = engine.runner.plan(setUri);
        try (Connection c = database()) {
            c.createStatement().executeUpdate("update region_config set s3_uri = 's3://elsewhere/regions/OH/2025' where region = 'OH'");
        }

        RunRecord run = engine.runner.start(setUri, plan, Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);

        assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.error()).contains("changed in publisher since the plan read it").contains("now s3_uri s3://elsewhere/regions/OH/2025")
                .contains("Nothing was changed");
        assertThat(engine.regionData.overview(environment).stream().filter(o -> o.row().region().equals("OH")).findFirst().orElseThrow().row()
                .s3Uri()).isEqualTo("s3://elsewhere/regions/OH/2025");
    }

    @Test
    void setUriOnProductionQuotesTheRunbooksWarningAndNeedsTheNameTyped() throws Exception {
        Environment production = TestEstate.variant(environment, "publisher-prod", true, false);
        Operation setUri = engine.regionData.setUri(production, "OH", uriOf("NC"));
        Plan plan = engine.runner.plan(setUri);

        assertThat(plan.warnings()).anyMatch(w -> w.contains("potentially resulting in a production outage"));
        assertThat(engine.runner.confirmationFor(setUri, plan).typedNameRequired()).isTrue();
        RunRecord run = engine.runner.start(setUri, plan, Decision.typing("publisher-prod"), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);
        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.steps().get(1).summary()).contains("s3_uri of OH is now " + uriOf("NC"));
    }

    @Test
    void badInputIsRefusedWithTheReasonAndNothingChanges(SandboxDatabase database) throws Exception {
        String uri = uriOf("OH");
        assertThatThrownBy(() -> engine.regionData.backup(environment, "regions/OH")).hasMessageContaining("is not an S3 URI; write it as s3://bucket/prefix");
        assertThatThrownBy(() -> engine.runner.plan(engine.regionData.backup(environment, "s3://no-such-bucket-here/regions/OH")))
                .hasMessageContaining("There is no bucket no-such-bucket-here");
        assertThatThrownBy(() -> engine.regionData.copyOver(environment, uri, uri + "/inside", null, false))
                .hasMessageContaining("would copy a location into itself");
        assertThatThrownBy(() -> engine.regionData.setUri(environment, "ZZ", uri)).hasMessageContaining("has no region ZZ; it has NC, OH");
        assertThatThrownBy(() -> engine.regionData.bumpVersion(environment, "OH", "abc")).hasMessageContaining("Version 'abc' is not a timestamp");
        Environment unreachable = new Environment("nodb", environment.profile(), environment.region(), environment.endpoint(), false, false,
                environment.cluster(), environment.service(), environment.container(), environment.network(), environment.logGroup(),
                environment.autoScalingGroup(), environment.loadBalancer(), environment.regionData(),
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:9/none", "nobody", null), environment.lockTable(), null, null);
        assertThatThrownBy(() -> engine.regionData.bumpVersion(unreachable, "OH", null)).hasMessageContaining("Could not read region_config in the database of nodb");

        assertThat(moto.faults().sent("CopyObject")).isZero();
        assertThat(engine.runner.store().summaries()).isEmpty();
    }

    @Test
    void anObjectOverTheMultipartThresholdIsCopiedInPartsAndVerifiedBySize() throws Exception {
        String uri = uriOf("NC");
        put(uri, "big/topology.bin", "x".repeat(13 * 1024 * 1024));
        moto.faults().clear();

        RunRecord backup = run(engine.regionData.backup(environment, uri));

        assertThat(backup.outcome()).as(backup.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(moto.faults().sent("UploadPartCopy")).isEqualTo(3);
        assertThat(backup.steps().get(1).summary()).contains("(1 copied in parts compared by size)");
    }

    private Map<String, String> bodies(String uri) {
        Map<String, String> bodies = new LinkedHashMap<>();
        objects(uri).forEach(o -> bodies.put(o.key(), body(uri, o.key())));
        return bodies;
    }
}
