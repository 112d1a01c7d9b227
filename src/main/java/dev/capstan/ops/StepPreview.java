package dev.capstan.ops;

/** How a step describes itself in a plan, from the state it read. */
public record StepPreview(String sentence, String before, String after) {
    public static StepPreview of(String sentence) {
        return new StepPreview(sentence, "", "");
    }

    public static StepPreview change(String sentence, Object before, Object after) {
        return new StepPreview(sentence, String.valueOf(before), String.valueOf(after));
    }
}
