package dev.capstan.ops;

/**
 * One numbered line of a plan: a sentence a person can check, and the before → after it expects.
 * {@code before} and {@code after} are empty when a step has no state to compare (a wait, a read).
 * {@code details} lists exactly what the step will touch when that is a list (the objects a copy will copy).
 */
public record PlannedStep(int number, String id, StepKind kind, String sentence, String before, String after, java.util.List<String> details) {
    public PlannedStep {
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        details = details == null ? java.util.List.of() : java.util.List.copyOf(details);
    }

    public PlannedStep(int number, String id, StepKind kind, String sentence, String before, String after) {
        this(number, id, kind, sentence, before, after, java.util.List.of());
    }

    public boolean hasChange() {
        return !before.isEmpty() || !after.isEmpty();
    }
}
