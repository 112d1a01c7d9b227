package dev.capstan.ops.bluegreen;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** Swaps the two rules' priorities so the colour journaled as {@code to} serves; nothing to do when it already does. */
final class SwapTraffic implements Step {
    private final OnBlueGreen on;
    private final String fromFact;
    private final String toFact;

    SwapTraffic(OnBlueGreen on, String fromFact, String toFact) {
        this.on = on;
        this.fromFact = fromFact;
        this.toFact = toFact;
    }

    @Override
    public String id() {
        return "swap-priorities";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        BlueGreenPicture now = on.reader().read(on.environment());
        return StepPreview.change("Swap the priorities of the blue and green rules: " + now.active().other() + " takes the traffic",
                now.active() + " serves", now.active().other() + " serves");
    }

    @Override
    public String run(StepContext context) {
        Colour to = Colour.valueOf(context.fact(toFact).orElseThrow());
        BlueGreenPicture now = on.reader().read(on.environment());
        if (now.active() == to) {
            return to + " already serves (rule priority " + now.side(to).rule().priority() + ")";
        }
        String how = PrioritySwap.swap(on.services().rules(), on.target(), on.environment().loadBalancer().listenerArn(),
                now.side(to.other()).rule(), now.side(to).rule());
        context.log(how);
        return to + " serves now (was " + Colour.valueOf(context.fact(fromFact).orElse(to.other().name())) + "); " + how;
    }
}
