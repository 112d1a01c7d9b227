package dev.capstan.ops.scale;

import dev.capstan.domain.ServiceStatus;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/** Journals the desired count and the tasks running before, so a resumed run and a report know where it started. */
final class ReadCounts implements Step {
    private final ScaleService scale;

    ReadCounts(ScaleService scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "read-counts";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Read the desired count of " + scale.environment().service() + " and the tasks it runs now");
    }

    @Override
    public String run(StepContext context) {
        ServiceStatus now = scale.service();
        String original = context.rememberOnce("originalDesiredCount", Integer.toString(now.desiredCount()));
        List<String> before = context.rememberOnce("tasksBefore", scale.ecs().runningTaskArns(scale.target(), scale.environment().cluster(), scale.environment().service()));
        return scale.environment().service() + " wanted " + original + " tasks; " + before.size() + " were running";
    }
}
