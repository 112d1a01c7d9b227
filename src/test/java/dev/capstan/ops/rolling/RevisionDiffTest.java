package dev.capstan.ops.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.TaskDefRevision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionDiffTest {
    private static TaskDefRevision revision(int number, String tag, String memory, Map<String, String> environment, Map<String, String> secrets) {
        TaskDefRevision.Container app = new TaskDefRevision.Container("app", "1234.dkr.ecr.eu-west-2.amazonaws.com/shop:" + tag, null, 512, true,
                List.of(), environment, secrets, "awslogs", Map.of(), List.of(), List.of());
        return new TaskDefRevision("arn:aws:ecs:eu-west-2:1234:task-definition/shop:" + number, "shop", number, "ACTIVE", "256", memory, "awsvpc",
                List.of("FARGATE"), Instant.EPOCH, List.of(app), "{}");
    }

    @Test
    void namesEachDifferenceAndMasksValuesWhoseNamesLookSecret() {
        Map<String, String> now = new LinkedHashMap<>(Map.of("NODE_ENV", "production", "API_TOKEN", "tok-new", "FEATURE_X", "on"));
        Map<String, String> before = new LinkedHashMap<>(Map.of("NODE_ENV", "production", "API_TOKEN", "tok-old"));

        List<String> diff = RevisionDiff.between(revision(9, "v9", "1024", now, Map.of("DB_PASSWORD", "arn:secret:new")),
                revision(7, "v7", "512", before, Map.of("DB_PASSWORD", "arn:secret:old")));

        assertThat(diff).containsExactlyInAnyOrder(
                "task memory: 1024 → 512",
                "app image: shop:v9 → shop:v7",
                "app environment API_TOKEN: •••• → ••••",
                "app environment FEATURE_X: on → (none)",
                "app secret DB_PASSWORD: arn:secret:new → arn:secret:old");
        assertThat(String.join("\n", diff)).doesNotContain("tok-new").doesNotContain("tok-old");
    }

    @Test
    void theSameRevisionTwiceHasNoDifferences() {
        TaskDefRevision one = revision(3, "v3", "512", Map.of("A", "1"), Map.of());
        assertThat(RevisionDiff.between(one, one)).isEmpty();
    }
}
