package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.DynamoLockTable;
import dev.capstan.aws.SdkEcsGateway;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ChangeRefusedException;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LockRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only environment or profile is enforced inside the gateways: the mutating requests are
 * stopped before they reach the wire (counted at the SDK's last step before transmission), reads still
 * work, and the database refuses writes before connecting and again on the server.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ReadOnlyTest {
    @TempDir
    Path dir;

    private static Environment readOnly(Environment e) {
        return TestEstate.variant(e, e.name(), e.production(), true);
    }

    private static boolean mutating(String operation) {
        return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get"));
    }

    @Test
    void aReadOnlyEnvironmentSendsNoMutatingRequestButStillReads(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = readOnly(TestEstate.environment(moto, database, "guarded"));
        AwsTarget target = new Targets(moto.catalog(), null).of(environment);
        assertThat(target.readOnly()).isTrue();
        moto.faults().clear();
        SdkEcsGateway ecs = new SdkEcsGateway(moto.clients());
        DynamoLockTable locks = new DynamoLockTable(moto.clients());

        assertThat(ecs.service(target, environment.cluster(), environment.service()).desiredCount()).isEqualTo(2);
        assertThatThrownBy(() -> ecs.setDesiredCount(target, environment.cluster(), environment.service(), 9))
                .isInstanceOf(ChangeRefusedException.class).hasMessageContaining("UpdateService").hasMessageContaining("nothing was sent");
        LockRecord record = new LockRecord("guarded-web@guarded", "me", "run", "op", Instant.now(), Instant.now(), "v1", 1000);
        assertThatThrownBy(() -> locks.putIfAbsent(target, environment.lockTable(), record)).isInstanceOf(ChangeRefusedException.class);
        assertThatThrownBy(() -> locks.create(target, "another-table")).isInstanceOf(ChangeRefusedException.class);
        assertThatThrownBy(() -> moto.clients().s3(target).deleteBucket(r -> r.bucket(environment.regionData().bucket())))
                .isInstanceOf(ChangeRefusedException.class);

        assertThat(moto.faults().sentOperations().keySet()).isNotEmpty().noneMatch(ReadOnlyTest::mutating);
        AwsTarget writable = new AwsTarget(target.profile(), target.region(), target.endpoint());
        assertThat(ecs.service(writable, environment.cluster(), environment.service()).desiredCount()).isEqualTo(2);
        assertThat(locks.read(writable, environment.lockTable(), record.key())).isEmpty();

        ConnectionFactory connections = new ConnectionFactory(Map.of());
        assertThatThrownBy(() -> connections.openForChange(environment))
                .isInstanceOf(ChangeRefusedException.class).hasMessageContaining("marked readOnly");
        try (Connection reading = connections.openForReading(environment.database()); Statement statement = reading.createStatement()) {
            String before = versions(statement);
            assertThatThrownBy(() -> statement.executeUpdate("update region_config set version = now() - interval '1 day'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            assertThat(versions(statement)).isEqualTo(before);
        }
    }

    private static String versions(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select string_agg(region || '=' || version, ',' order by region) from region_config")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void aProfileMarkedReadOnlyInTheAwsConfigGuardsEveryEnvironmentThatUsesIt(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = TestEstate.environment(moto, database, "viewer");
        Path config = dir.resolve("config");
        Files.writeString(config, Files.readString(moto.awsConfig()).replace("[profile moto]\n", "[profile moto]\ncapstan_read_only = true\n"));
        dev.capstan.aws.ProfileCatalog catalog = new dev.capstan.aws.ProfileCatalog(config, moto.awsCredentials());
        AwsTarget target = new Targets(catalog, null).of(environment);
        assertThat(target.readOnly()).isTrue();
        moto.faults().clear();

        Function<Integer, Void> scale = n -> {
            new SdkEcsGateway(moto.clients()).setDesiredCount(target, environment.cluster(), environment.service(), n);
            return null;
        };
        assertThatThrownBy(() -> scale.apply(5)).isInstanceOf(ChangeRefusedException.class).hasMessageContaining("capstan_read_only");
        assertThat(moto.faults().sent("UpdateService")).isZero();
    }
}
