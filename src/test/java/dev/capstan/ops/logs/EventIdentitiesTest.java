package dev.capstan.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.LogEvent;
import org.junit.jupiter.api.Test;

/** Lines are known by stream, time and text, whatever path brought them, until no read can bring them again. */
class EventIdentitiesTest {
    @Test
    void aLineIsKnownByStreamTimeAndTextNotById() {
        EventIdentities delivered = new EventIdentities();
        assertThat(delivered.firstTime(new LogEvent("37000001", 1_000, "app/web/a", "GET /health 200"))).isTrue();
        assertThat(delivered.firstTime(new LogEvent(null, 1_000, "app/web/a", "GET /health 200"))).as("the same line through Live Tail").isFalse();
        assertThat(delivered.firstTime(new LogEvent(null, 1_000, "app/web/b", "GET /health 200"))).as("another stream").isTrue();
        assertThat(delivered.firstTime(new LogEvent(null, 1_001, "app/web/a", "GET /health 200"))).as("another time").isTrue();
    }

    @Test
    void linesOlderThanWhereReadsStartAreForgottenOnlyOnceTheStartHasMovedOnByAnOverlap() {
        EventIdentities delivered = new EventIdentities();
        long overlap = LogFollower.OVERLAP.toMillis();
        delivered.firstTime(new LogEvent(null, 1_000, "s", "old"));
        delivered.firstTime(new LogEvent(null, 1_000 + 3 * overlap, "s", "new"));

        delivered.forgetBefore(2_000 + 2 * overlap);

        assertThat(delivered.firstTime(new LogEvent(null, 1_000, "s", "old"))).as("forgotten: no read starts that early").isTrue();
        assertThat(delivered.firstTime(new LogEvent(null, 1_000 + 3 * overlap, "s", "new"))).as("still known").isFalse();
        delivered.forgetBefore(2_000 + 2 * overlap + 1);
        assertThat(delivered.firstTime(new LogEvent(null, 1_000, "s", "old"))).as("a step under the overlap walks nothing").isFalse();
    }
}
