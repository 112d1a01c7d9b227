package dev.capstan.ops.verify;

import java.util.List;

/** A check's verdict with its evidence: one line for each thing it looked at. */
public record CheckOutcome(boolean passed, String summary, List<String> evidence) {
    public CheckOutcome {
        evidence = List.copyOf(evidence);
    }

    public static CheckOutcome pass(String summary, List<String> evidence) {
        return new CheckOutcome(true, summary, evidence);
    }

    public static CheckOutcome fail(String summary, List<String> evidence) {
        return new CheckOutcome(false, summary, evidence);
    }
}
