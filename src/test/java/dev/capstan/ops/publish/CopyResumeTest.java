package dev.capstan.ops.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.domain.Environment;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A backup in a child JVM dies (as by SIGKILL) once a known number of its copies are done. Resumed here,
 * it copies only the objects that are not yet at the backup with the same size and ETag, then verifies
 * the whole.
 */
@ExtendWith(MotoExtension.class)
class CopyResumeTest {
    private static final int OBJECTS = 600;
    private static final int COPIED_BEFORE_DEATH = 200;
    @TempDir
    Path dir;

    @Test
    void aBackupKilledHalfWayResumesWithoutCopyingAgainWhatIsDone(MotoWorld moto) throws Exception {
        S3Uri source = new S3Uri("resume-data", "regions/PA/2025-01-01");
        seed(moto, source);
        Path runs = dir.resolve("runs");
        try (EngineWorld engine = new EngineWorld(moto, runs)) {
            Environment environment = EngineWorld.plainEnvironment("copy-crash", moto.endpoint(), false, null);
            Operation backup = engine.regionData.backup(environment, source.toString());
            S3Uri target = S3Uri.parse(backup.parameters().get("backup"));

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), BackupChild.class.getName(), runs.toString(), moto.awsConfig().toString(),
                    moto.awsCredentials().toString(), moto.endpoint(), RegionData.BACKUP, new ObjectMapper().writeValueAsString(backup.parameters()),
                    Integer.toString(COPIED_BEFORE_DEATH))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);
            int copiedBefore = engine.s3.list(moto.target(), target).objects().size();
            assertThat(copiedBefore).as("died after its first copies, every later one held back").isEqualTo(COPIED_BEFORE_DEATH);
            RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(environment.name(), RegionData.BACKUP).get(0).id());
            assertThat(interrupted.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            moto.faults().clear();

            RunRecord resumed = engine.runner.resume(interrupted.id(), environment, Decision.yes(), RunListener.NONE).finished().get(120, TimeUnit.SECONDS);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(moto.faults().sent("CopyObject")).as("only what was not there yet").isEqualTo(OBJECTS - copiedBefore);
            assertThat(resumed.steps().get(0).summary()).contains(String.format("%,d were already there", copiedBefore));
            assertThat(resumed.steps().get(1).summary()).startsWith(String.format("Verified %,d objects", OBJECTS));
        }
    }

    /** 200 B, 2 KB and 20 KB objects, as the benchmark mixes them. */
    private static void seed(MotoWorld moto, S3Uri at) throws Exception {
        var s3 = moto.clients().s3(moto.target());
        s3.createBucket(r -> r.bucket(at.bucket()));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < OBJECTS; i++) {
                String key = at.key(String.format("part-%04d.json", i));
                String body = "x".repeat(new int[] {200, 2000, 20000}[i % 3]);
                writes.add(pool.submit(() -> s3.putObject(r -> r.bucket(at.bucket()).key(key), RequestBody.fromString(body))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
