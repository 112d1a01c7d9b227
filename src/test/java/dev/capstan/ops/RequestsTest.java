package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.ops.bluegreen.BlueGreenDeploy;
import dev.capstan.ops.publish.RegionDataRequests;
import dev.capstan.ops.restart.RestartRequest;
import dev.capstan.ops.task.TaskRunRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests to the journal and back: as they are written now, and as journals written before requests were typed hold them. */
class RequestsTest {
    private final TaskRunRequest task = new TaskRunRequest("web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7", "web",
            List.of("npm", "run", "migration:run"), Map.of("DRY_RUN", "1"), List.of("subnet-1", "subnet-2"), List.of("sg-1"), false, true,
            Duration.ofMinutes(60));

    @Test
    void aRequestReadsBackAsItWasWrittenTypedOrFlat() {
        List<Record> requests = List.of(task,
                new RestartRequest("web", 4, "HealthCheckService", Duration.ofMinutes(30), true, "asg-web"),
                new RestartRequest("web", 4, null, Duration.ofSeconds(90), false, null),
                new BlueGreenDeploy.Request("repo/web:a476b78", null, "web", Duration.ofMinutes(20)),
                new RegionDataRequests.BumpVersion("OH", 12, "s3://b/regions/OH", "7", null),
                new RegionDataRequests.Copy("s3://b/new/OH", "s3://b/regions/OH", "s3://b/regions/OH-backup-2026-12-06", false, true));
        for (Record request : requests) {
            assertThat(Requests.fromJson(Requests.toJson(request), request.getClass())).isEqualTo(request);
            assertThat(Requests.fromFlat(Requests.flat(request), request.getClass())).isEqualTo(request);
        }
        assertThat(Requests.toJson(task).path("timeout").asText()).isEqualTo("PT1H");
        assertThat(Requests.toJson(task).path("command").isArray()).isTrue();
    }

    @Test
    void aTaskJournaledBeforeRequestsWereTypedReadsAsTheSameRequest() {
        Map<String, String> written = new LinkedHashMap<>();
        written.put("service", "web");
        written.put("taskDefinition", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7");
        written.put("container", "web");
        written.put("command", "[\"npm\",\"run\",\"migration:run\"]");
        written.put("environment", "{\"DRY_RUN\":\"1\"}");
        written.put("subnets", "subnet-1,subnet-2");
        written.put("securityGroups", "sg-1");
        written.put("assignPublicIp", "false");
        written.put("wait", "true");
        written.put("timeoutSeconds", "3600");

        assertThat(Requests.fromFlat(written, TaskRunRequest.class)).isEqualTo(task);
    }

    @Test
    void aRestartJournaledBeforeRequestsWereTypedReadsItsBlanksAsAbsent() {
        Map<String, String> written = Map.of("count", "4", "healthLogPattern", "", "timeoutSeconds", "1800", "restoreGroup", "true", "group", "",
                "service", "web");

        assertThat(Requests.fromFlat(written, RestartRequest.class)).isEqualTo(new RestartRequest("web", 4, null, Duration.ofMinutes(30), true, null));
    }
}
