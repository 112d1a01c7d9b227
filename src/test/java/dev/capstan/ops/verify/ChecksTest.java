package dev.capstan.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.EngineWorld;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TargetHealthFaults;
import dev.capstan.testworld.TestEstate;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each check passes when it should and fails, with the evidence a person needs, when it should not. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ChecksTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment env;
    private Checks checks;
    private final Instant hourAgo = Instant.now().minusSeconds(3600);

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        env = TestEstate.environment(moto, database, "checked");
        engine = new EngineWorld(moto, dir.resolve("runs"));
        checks = engine.runbooks.services().checks();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private CheckOutcome run(String kind, Map<String, String> with) throws Exception {
        return checks.require(kind).run(env, with, hourAgo);
    }

    private List<ServiceTask> running() {
        return engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running).toList();
    }

    @Test
    void serviceRevisionFailsForATaskOnAnOldRevision(MotoWorld moto) throws Exception {
        CheckOutcome ok = run("service-revision", Map.of());
        assertThat(ok.passed()).as(ok.evidence().toString()).isTrue();
        assertThat(ok.evidence()).contains("the newest revision of checked-web is checked-web:2").contains("checked-web's PRIMARY deployment runs checked-web:2");

        var ecs = moto.clients().ecs(moto.target());
        ecs.runTask(r -> r.cluster(env.cluster()).taskDefinition("checked-web:1").launchType("FARGATE").group("service:" + env.service())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(env.network().subnets()).securityGroups(env.network().securityGroups()))));
        CheckOutcome old = run("service-revision", Map.of());
        assertThat(old.passed()).isFalse();
        assertThat(old.summary()).isEqualTo("Not everything runs checked-web:2");
        assertThat(old.evidence()).anyMatch(line -> line.matches("task \\w{8} runs checked-web:1"));
    }

    @Test
    void tasksRunningAndStartedAfter(MotoWorld moto) throws Exception {
        assertThat(run("tasks-running", Map.of()).passed()).isTrue();
        assertThat(run("tasks-started-after", Map.of("after", "1h")).passed()).isTrue();
        CheckOutcome before = run("tasks-started-after", Map.of("after", Instant.now().plusSeconds(60).toString()));
        assertThat(before.passed()).isFalse();
        assertThat(before.evidence()).anyMatch(line -> line.endsWith(": before"));

        engine.ecs.setDesiredCount(engine.targets.of(env), env.cluster(), env.service(), 3);
        CheckOutcome short1 = run("tasks-running", Map.of());
        assertThat(short1.passed()).isFalse();
        assertThat(short1.summary()).isEqualTo("2 of 3 tasks RUNNING");
    }

    @Test
    void targetsHealthyShowsEachTargetsReason(MotoWorld moto) throws Exception {
        CheckOutcome ok = run("targets-healthy", Map.of());
        assertThat(ok.passed()).as(ok.evidence().toString()).isTrue();
        assertThat(ok.summary()).isEqualTo("2 targets, all healthy");

        String sick = running().get(0).addresses().get(0);
        moto.targetHealth().failChecksOf(sick::equals);
        CheckOutcome bad = run("targets-healthy", Map.of());
        assertThat(bad.passed()).isFalse();
        assertThat(bad.evidence()).contains("checked-blue: " + sick + ":3000 unhealthy (" + TargetHealthFaults.FAILED_CHECKS + ")");
    }

    @Test
    void logChecksFindAnErrorLineAndEachTasksHealthLine(MotoWorld moto) throws Exception {
        var logs = moto.clients().logs(moto.target());
        List<ServiceTask> tasks = running();
        for (ServiceTask task : tasks) {
            String stream = "app/web/" + task.id();
            logs.createLogStream(r -> r.logGroupName(env.logGroup()).logStreamName(stream));
            logs.putLogEvents(r -> r.logGroupName(env.logGroup()).logStreamName(stream).logEvents(e -> e.timestamp(System.currentTimeMillis())
                    .message("LOG [HealthCheckService] Health check passed")));
        }
        assertThat(run("no-log-lines", Map.of()).passed()).isTrue();
        CheckOutcome each = run("log-line-per-task", Map.of("pattern", "HealthCheckService"));
        assertThat(each.passed()).as(each.evidence().toString()).isTrue();
        assertThat(run("log-line-per-task", Map.of("pattern", "Topology loaded")).passed()).isFalse();

        String stream = "app/web/" + tasks.get(1).id();
        logs.putLogEvents(r -> r.logGroupName(env.logGroup()).logStreamName(stream).logEvents(e -> e.timestamp(System.currentTimeMillis())
                .message("ERROR [TopologyService] topology failed to load for PA")));
        CheckOutcome errors = run("no-log-lines", Map.of("pattern", "ERROR"));
        assertThat(errors.passed()).isFalse();
        assertThat(errors.evidence()).anyMatch(line -> line.endsWith(stream + ": ERROR [TopologyService] topology failed to load for PA"));
        assertThat(run("no-log-lines", Map.of("pattern", "ERROR", "since", Instant.now().plusSeconds(5).toString())).passed()).isTrue();
    }

    @Test
    void httpGetWantsA2xxAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", x -> answer(x, 200, "ok"));
        server.createContext("/broken", x -> answer(x, 500, "Internal Server Error: topology missing"));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CheckOutcome ok = run("http-get", Map.of("url", base + "/health"));
            assertThat(ok.passed()).isTrue();
            assertThat(ok.evidence().get(0)).startsWith("GET " + base + "/health answered 200 in ");
            CheckOutcome broken = run("http-get", Map.of("url", base + "/broken"));
            assertThat(broken.passed()).isFalse();
            assertThat(broken.summary()).isEqualTo(base + "/broken answered 500");
            assertThat(broken.evidence()).contains("body: Internal Server Error: topology missing");
        } finally {
            server.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void regionRowComparesUriAndVersion() throws Exception {
        var row = engine.regionData.overview(env).get(0).row();
        assertThat(run("region-row", Map.of("region", row.region(), "s3_uri", row.s3Uri(), "version", row.version())).passed()).isTrue();
        CheckOutcome stale = run("region-row", Map.of("region", row.region(), "version", "0"));
        assertThat(stale.passed()).isFalse();
        assertThat(stale.evidence()).contains("version expected 0: differs (stale?)");
    }
}
