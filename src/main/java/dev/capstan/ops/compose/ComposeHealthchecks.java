package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefinitionDraft.HealthCheck;
import java.util.function.Consumer;

/** A compose healthcheck as ECS's container health check: whole seconds, each within the range ECS takes. */
final class ComposeHealthchecks {
    private ComposeHealthchecks() {
    }

    static HealthCheck toEcs(ComposeService s, Consumer<String> changed) {
        ComposeHealthcheck h = s.healthcheck();
        if (h == null) {
            return null;
        }
        String who = s.name() + "'s healthcheck ";
        return new HealthCheck(h.test(), seconds(who + "interval", h.intervalMillis(), 5, 300, changed),
                seconds(who + "timeout", h.timeoutMillis(), 2, 60, changed),
                h.retries() == null ? null : (Integer) within(who + "retries", h.retries(), 1, 10, "", changed),
                seconds(who + "start_period", h.startPeriodMillis(), 0, 300, changed));
    }

    private static Integer seconds(String what, Long millis, int min, int max, Consumer<String> changed) {
        if (millis == null) {
            return null;
        }
        int seconds = (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
        if (millis % 1000 != 0) {
            changed.accept(what + " of " + millis + " ms is " + seconds + " s: ECS counts health check times in whole seconds.");
        }
        return within(what, seconds, min, max, " s", changed);
    }

    private static int within(String what, int value, int min, int max, String unit, Consumer<String> changed) {
        int kept = Math.max(min, Math.min(max, value));
        if (kept != value) {
            changed.accept(what + " of " + value + unit + " is " + kept + unit + ": ECS takes " + min + " to " + max + unit + ".");
        }
        return kept;
    }
}
