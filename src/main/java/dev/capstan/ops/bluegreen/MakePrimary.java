package dev.capstan.ops.bluegreen;

import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** Makes the journaled task set PRIMARY (the other becomes ACTIVE and keeps running); nothing to do when it already is. */
final class MakePrimary implements Step {
    private final OnBlueGreen on;
    private final String setFact;

    MakePrimary(OnBlueGreen on, String setFact) {
        this.on = on;
        this.setFact = setFact;
    }

    @Override
    public String id() {
        return "make-primary";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Make the task set that now serves PRIMARY; the other stays ACTIVE, running, for a rollback");
    }

    @Override
    public String run(StepContext context) {
        String set = context.fact(setFact).orElseThrow();
        boolean already = on.services().taskSets().taskSets(on.target(), on.cluster(), on.service()).stream()
                .anyMatch(s -> s.arn().equals(set) && s.primary());
        String id = set.substring(set.indexOf("ecs-svc/"));
        if (already) {
            return "Task set " + id + " was PRIMARY already";
        }
        on.services().taskSets().makePrimary(on.target(), on.cluster(), on.service(), set);
        return "Task set " + id + " is PRIMARY";
    }
}
