package dev.capstan.ops.taskdefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.TaskDefRevision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDefChecksTest {
    private static TaskDefRevision revision(int n, String cpu, String memory, String network, List<String> compat, TaskDefRevision.Container c) {
        return new TaskDefRevision("arn:aws:ecs:eu-west-2:1:task-definition/api:" + n, "api", n, "ACTIVE", cpu, memory, network, compat, null,
                List.of(c), "{}");
    }

    private static TaskDefRevision.Container container(String image, Integer hostPort, String driver, List<String> links, Map<String, String> env) {
        return new TaskDefRevision.Container("api", image, null, null, true, List.of(new TaskDefRevision.Port(3000, hostPort, "tcp")), env, Map.of(),
                driver, Map.of(), links, List.of());
    }

    @Test
    void aFargateReadyRevisionPassesAndEachProblemIsOneSentenceWithItsFix() {
        TaskDefRevision ready = revision(7, "512", "2048", "awsvpc", List.of("FARGATE"), container("api:1", 3000, "awslogs", List.of(), Map.of()));
        assertThat(FargateReadiness.check(ready)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.OK));

        TaskDefRevision old = revision(3, "300", "2048", "bridge", List.of("EC2"), container("api:0", 8080, "json-file", List.of("db"), Map.of()));
        assertThat(FargateReadiness.check(old)).extracting(Finding::sentence).containsExactly(
                "requiresCompatibilities is [EC2]: add FARGATE so ECS accepts the revision for Fargate.",
                "Network mode is bridge; Fargate needs awsvpc, where containers of a task reach each other on localhost.",
                "cpu 300 is not a Fargate size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384.",
                "Container api uses links [db]; awsvpc has no links: reach the other containers on localhost instead.",
                "Container api maps host port 8080 to 3000; on Fargate the host port must equal the container port (3000).",
                "Container api logs with json-file; use awslogs (awslogs-group, awslogs-region, awslogs-stream-prefix) so its output reaches CloudWatch.");
        TaskDefRevision badPair = revision(4, "256", "4096", "awsvpc", List.of("FARGATE"), container("api:1", null, "awslogs", List.of(), Map.of()));
        assertThat(FargateReadiness.check(badPair)).extracting(Finding::sentence)
                .containsExactly("cpu 256 with memory 4096 is not a Fargate pair; with cpu 256 use memory from 512 to 2048.");
    }

    @Test
    void theDiffShowsWhatChangedAndNeverASecretLookingValue() {
        TaskDefRevision a = revision(1, "256", "512", "awsvpc", List.of("FARGATE"),
                container("api:1", 3000, "awslogs", List.of(), Map.of("DB_PASSWORD", "hunter2", "MODE", "blue")));
        TaskDefRevision b = revision(2, "256", "1024", "awsvpc", List.of("FARGATE"),
                container("api:2", 3000, "awslogs", List.of(), Map.of("DB_PASSWORD", "swordfish", "MODE", "blue")));
        List<TaskDefDiff.Row> changed = TaskDefDiff.diff(a, b).stream().filter(TaskDefDiff.Row::changed).toList();
        assertThat(changed).extracting(TaskDefDiff.Row::field).containsExactly("revision", "memory", "api.image", "api.env.DB_PASSWORD");
        assertThat(changed.get(3).left() + changed.get(3).right()).doesNotContain("hunter2").doesNotContain("swordfish");
        assertThat(SecretNames.looksSecret("STRIPE_API_KEY")).isTrue();
        assertThat(SecretNames.looksSecret("REGION")).isFalse();
    }
}
