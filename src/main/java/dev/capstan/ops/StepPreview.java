package dev.capstan.ops;

import java.util.List;

/** How a step describes itself in a plan, from the state it read; {@code details} lists what it will touch, one item a line. */
public record StepPreview(String sentence, String before, String after, List<String> details) {
    public StepPreview {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public StepPreview(String sentence, String before, String after) {
        this(sentence, before, after, List.of());
    }

    public static StepPreview of(String sentence) {
        return new StepPreview(sentence, "", "");
    }

    public static StepPreview change(String sentence, Object before, Object after) {
        return new StepPreview(sentence, String.valueOf(before), String.valueOf(after));
    }

    public StepPreview withDetails(List<String> items) {
        return new StepPreview(sentence, before, after, items);
    }
}
