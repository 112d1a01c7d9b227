package dev.capstan.ops.bluegreen;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** The verdict: the journaled colour serves and its set is PRIMARY. A deploy whose traffic did not move never succeeds. */
final class VerifyTraffic implements Step {
    private final OnBlueGreen on;
    private final String colourFact;
    private final String setFact;

    VerifyTraffic(OnBlueGreen on, String colourFact, String setFact) {
        this.on = on;
        this.colourFact = colourFact;
        this.setFact = setFact;
    }

    @Override
    public String id() {
        return "verify-traffic";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Check that the traffic moved: the new colour's rule has the lower priority and its task set is PRIMARY");
    }

    @Override
    public String run(StepContext context) {
        Colour to = Colour.valueOf(context.fact(colourFact).orElseThrow());
        String set = context.fact(setFact).orElseThrow();
        BlueGreenPicture now = on.reader().read(on.environment());
        if (now.active() != to) {
            throw new IllegalStateException("The traffic did not move: " + now.active() + " still serves (rule priority "
                    + now.activeSide().rule().priority() + " against " + now.side(to).rule().priority() + ").");
        }
        if (now.primary().map(s -> !s.arn().equals(set)).orElse(true)) {
            throw new IllegalStateException(to + " serves, but its task set is not PRIMARY.");
        }
        return to + " serves (rule priority " + now.side(to).rule().priority() + ") with task set " + set.substring(set.indexOf("ecs-svc/"))
                + " PRIMARY" + (now.side(to).image() == null ? "" : ", image " + now.side(to).image());
    }
}
