package dev.capstan.ops;

/**
 * One numbered line of a plan: a sentence a person can check, and the before → after it expects.
 * {@code before} and {@code after} are empty when a step has no state to compare (a wait, a read).
 */
public record PlannedStep(int number, String id, StepKind kind, String sentence, String before, String after) {
    public PlannedStep {
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    public boolean hasChange() {
        return !before.isEmpty() || !after.isEmpty();
    }
}
