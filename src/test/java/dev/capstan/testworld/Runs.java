package dev.capstan.testworld;

import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import java.util.stream.Stream;

/** What tests look for in the history: every run's whole record, as the Activity view would show each. */
public final class Runs {
    private Runs() {
    }

    public static Stream<RunRecord> records(RunStore store) {
        return store.summaries().stream().map(run -> store.read(run.id()));
    }
}
